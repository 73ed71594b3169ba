using System.Globalization;

namespace CmuContracts.Benchmarks;

/// <summary>
/// <c>speed-report [pairs]</c>: our full run against NSwag's on each benchmark spec, in pairs (ours, then NSwag's, on
/// the same spec text in this process), and the ratio of each pair. On shared cores whose speed drifts within
/// minutes, a ratio taken within one pair is steadier than a ratio of two means measured minutes apart, which is how
/// BenchmarkDotNet runs one benchmark after the other. Each run starts after a full collection, so neither generator's
/// run is slowed by collecting the other's garbage; <c>CMU_SPEED_NO_GC=1</c> runs them back to back instead.
/// </summary>
internal static class SpeedReport
{
    public const string Command = "speed-report";

    public static void Run(int pairs)
    {
        var collect = Environment.GetEnvironmentVariable("CMU_SPEED_NO_GC") != "1";
        Console.WriteLine($"Full runs in {pairs} alternating pairs (ours, NSwag) after 5 warm-up pairs; {(collect ? "a full GC before each run" : "back to back")}; wall time");
        Console.WriteLine();
        Console.WriteLine("| Spec | Ours, median ms | NSwag, median ms | NSwag / ours, median of pairs | lowest pair | highest pair |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        var compilation = OurGenerator.CreateCompilation();
        foreach (var spec in BenchmarkSpecs.All)
        {
            var text = OurGenerator.Text(spec.Path, spec.Text);
            OurGenerator.ThrowIfFailed(OurGenerator.CreateDriver(text).RunGenerators(compilation).GetRunResult());
            var ours = new double[pairs];
            var nswag = new double[pairs];
            var ratios = new double[pairs];
            for (var i = -5; i < pairs; i++)
            {
                var a = Time(() => OurGenerator.CreateDriver(text).RunGenerators(compilation), collect);
                var b = Time(() => NSwagGenerator.Generate(spec), collect);
                if (i >= 0)
                {
                    (ours[i], nswag[i], ratios[i]) = (a, b, b / a);
                }
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {spec.Name} | {Median(ours):0.0} | {Median(nswag):0.0} | **{Median(ratios):0.0}x** | {ratios.Min():0.0}x | {ratios.Max():0.0}x |"));
        }
    }

    private static double Time(Func<object?> action, bool collect) =>
        (collect ? Timing.AfterCollection(action) : Timing.Of(action)).TotalMilliseconds;

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
