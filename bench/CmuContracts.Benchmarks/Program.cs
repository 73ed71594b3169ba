using System.Globalization;
using BenchmarkDotNet.Running;

namespace CmuContracts.Benchmarks;

internal static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == OutputReport.Command)
        {
            OutputReport.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
            return;
        }

        if (args.Length > 0 && args[0] == SpeedReport.Command)
        {
            SpeedReport.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15);
            return;
        }

        if (args.Length > 1 && args[0] == OutputDirCompile.Command)
        {
            OutputDirCompile.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
            return;
        }

        if (args.Length > 1 && args[0] == OutputDump.Command)
        {
            OutputDump.Run(args[1]);
            return;
        }

        if (args.Length > 1 && args[0] == AllocationReport.Command)
        {
            AllocationReport.Run(int.Parse(args[1], CultureInfo.InvariantCulture), args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5, args.Length > 3 ? args[3] : BenchPhase.Full);
            return;
        }

        if (args.Length > 3 && args[0] == PhaseReport.Command && args[1] == "loop")
        {
            PhaseReport.Loop(int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), args.Length > 4 ? args[4] : BenchPhase.Full);
            return;
        }

        if (args.Length > 0 && args[0] == PhaseReport.Command)
        {
            PhaseReport.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 9);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
