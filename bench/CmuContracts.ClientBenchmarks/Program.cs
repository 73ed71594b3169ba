using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace CmuContracts.ClientBenchmarks;

internal static class Program
{
    // An out-of-process run rebuilds the whole graph (the 1.4 MB generated client twice, one core, no compiler
    // server): more than BenchmarkDotNet's default two minutes on this machine.
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
}
