using System.Diagnostics;
using System.Globalization;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/CmuContracts.Benchmarks -- phase-report [runs]</c>: where a full run's
/// time goes, per benchmark spec, as medians of a few runs in this one process (a profiling aid for choosing what
/// to optimise; the figures quoted as results come from BenchmarkDotNet).
/// </summary>
internal static class PhaseReport
{
    public const string Command = "phase-report";

    public static void Run(int runs)
    {
        Console.WriteLine($"Phase medians of {runs} runs after 2 warm-ups: CPU time of the generating thread and bytes it allocated");
        Console.WriteLine();
        Console.WriteLine("| Spec | Tokens only (YAML: SharpYaml events; JSON: Utf8JsonReader and strings) | Node tree | Parse (text to model) | Emit (model to text) | Full driver run | NSwag full run |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var spec in BenchmarkSpecs.All)
        {
            var json = SpecReader.IsJsonPath(spec.Path);
            OurGenerator.Generate(spec);

            var events = Median(runs, () =>
            {
                if (json)
                {
                    return JsonTokens(spec.Text);
                }

                var p = SharpYaml.Parser.CreateParser(new StringReader(spec.Text));
                var n = 0;
                while (p.MoveNext())
                {
                    n++;
                }

                return n;
            });
            var tree = Median(runs, () => SpecReader.Read(spec.Path, spec.Text));
            var parse = Median(runs, BenchPhase.Runner(spec, BenchPhase.Parse));
            var emit = Median(runs, BenchPhase.Runner(spec, BenchPhase.Emit));
            var full = Median(runs, BenchPhase.Runner(spec, BenchPhase.Full));
            var nswag = Median(runs, () => NSwagGenerator.Generate(spec));
            Console.WriteLine($"| {spec.Name} | {events} | {tree} | {parse} | {emit} | {full} | {nswag} |");
        }
    }

    /// <summary>The JSON path's floor: every token read and every string decoded, no tree.</summary>
    private static int JsonTokens(string text)
    {
        var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
        var n = 0;
        while (reader.Read())
        {
            if (reader.TokenType is System.Text.Json.JsonTokenType.String or System.Text.Json.JsonTokenType.PropertyName)
            {
                GC.KeepAlive(reader.GetString());
            }

            n++;
        }

        return n;
    }

    /// <summary>
    /// <c>phase-report loop SPEC-INDEX RUNS [full|parse|emit]</c>: runs of one phase only (full driver runs by
    /// default), to attach a sampling profiler (dotnet-trace).
    /// </summary>
    public static void Loop(int specIndex, int runs, string phase)
    {
        var spec = BenchmarkSpecs.All[specIndex];
        var run = BenchPhase.Runner(spec, phase);
        GC.KeepAlive(run());
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < runs; i++)
        {
            GC.KeepAlive(run());
        }

        // What the runs cost, and how many collections of each generation they caused.
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{spec.Name}, {phase}: {Stopwatch.GetElapsedTime(started).TotalMilliseconds / runs:0.0} ms per run; per run GCs: gen0 {(GC.CollectionCount(0) - gen0) / (double)runs:0.00}, gen1 {(GC.CollectionCount(1) - gen1) / (double)runs:0.00}, gen2 {(GC.CollectionCount(2) - gen2) / (double)runs:0.00}"));
    }

    /// <summary>
    /// Median CPU time of this thread (young-generation GCs run on it, so their cost counts; far less disturbed by
    /// other processes on shared cores than wall time) and mean allocation per run.
    /// </summary>
    private static string Median(int runs, Func<object?> action)
    {
        action();
        action();
        var times = new double[runs];
        long allocated = 0;
        for (var i = 0; i < runs; i++)
        {
            var cpu = ThreadCpuMilliseconds();
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            GC.KeepAlive(action());
            allocated += GC.GetAllocatedBytesForCurrentThread() - bytes;
            times[i] = ThreadCpuMilliseconds() - cpu;
        }

        Array.Sort(times);
        return string.Create(CultureInfo.InvariantCulture, $"{times[runs / 2]:0} ms, {allocated / runs / 1048576.0:0} MB");
    }

    private static double ThreadCpuMilliseconds()
    {
        // CLOCK_THREAD_CPUTIME_ID (Linux); elsewhere fall back to the process's CPU time.
        if (OperatingSystem.IsLinux() && ClockGetTime(3, out var spec) == 0)
        {
            return (spec.Seconds * 1_000.0) + (spec.Nanoseconds / 1_000_000.0);
        }

        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec spec);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
