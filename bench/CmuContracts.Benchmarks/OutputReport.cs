using System.Globalization;

namespace CmuContracts.Benchmarks;

/// <summary>
/// <c>DOTNET_TieredCompilation=0 dotnet run -c Release --project bench/CmuContracts.Benchmarks -- output-report [runs]</c>:
/// for every benchmark spec, the size of each generator's output, whether it compiles, and the median compile time of a
/// few runs (measured in this one process), as a Markdown table for docs/benchmarks.md. Without tiered compilation
/// Roslyn runs fully optimized from the first compile, so a few runs give stable medians.
/// </summary>
internal static class OutputReport
{
    public const string Command = "output-report";

    public static void Run(int runs)
    {
        var inv = CultureInfo.InvariantCulture;
        OutputCompiler.Warm();
        Console.WriteLine($"Output size and compile time (median of {runs} compiles each, the two outputs alternating, after 1 warm-up; Debug, nullable on, shared framework references; compile vs NSwag: the median of the ratios of each pair of compiles)");
        Console.WriteLine();
        Console.WriteLine("| Spec | Spec KiB | Generator | Files | Output KiB (UTF-8) | Size vs NSwag | Compiles | Compile ms | Compile vs NSwag |");
        Console.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | --- | ---: | ---: |");
        foreach (var spec in BenchmarkSpecs.All)
        {
            var ours = OurGenerator.Generate(spec);
            var nswag = NSwagGenerator.Output(spec);
            var oursOutcome = OutputCompiler.Compile(ours);
            var nswagOutcome = OutputCompiler.Compile(nswag);
            TimeSpan? oursTime = null, nswagTime = null;
            double? pairRatio = null;
            if (oursOutcome.Success && nswagOutcome.Success)
            {
                (oursTime, nswagTime, var ratio) = OutputCompiler.MedianCompileTimes(ours, nswag, runs);
                pairRatio = ratio;
            }
            else if (oursOutcome.Success)
            {
                oursTime = OutputCompiler.MedianCompileTime(ours, runs);
            }
            var sizeRatio = (double)ours.Utf8Bytes / nswag.Utf8Bytes;
            var timeRatio = pairRatio is { } r ? r.ToString("0.00x", inv) : "n/a";
            Row(spec, ours, oursOutcome, oursTime, sizeRatio.ToString("0.00x", inv), timeRatio);
            Row(spec, nswag, nswagOutcome, nswagTime, "1.00x", nswagTime is null ? "n/a" : "1.00x");
        }

        void Row(BenchmarkSpec spec, GeneratedOutput output, CompileOutcome outcome, TimeSpan? time, string sizeRatio, string timeRatio) =>
            Console.WriteLine(string.Create(inv, $"| {spec.Name} | {spec.SizeKiB} | {output.Generator} | {output.Files.Count} | {output.Utf8Bytes / 1024} | {sizeRatio} | {(outcome.Success ? "yes" : $"no ({outcome.ErrorCount} errors)")} | {(time is { } t ? t.TotalMilliseconds.ToString("0", inv) : "n/a")} | {timeRatio} |"));
    }
}
