namespace CmuContracts.Benchmarks;

/// <summary>
/// <c>... -- output-compile DIR [runs]</c>: compiles the C# files of one folder (an <c>output-dump</c> folder, or a
/// subset of one) as the output report does, and prints whether it compiled and the median time.
/// </summary>
internal static class OutputDirCompile
{
    public const string Command = "output-compile";

    public static void Run(string directory, int runs)
    {
        OutputCompiler.Warm();
        var files = Directory.GetFiles(directory, "*.cs").Order(StringComparer.Ordinal)
            .Select(f => new GeneratedFile(Path.GetFileName(f), File.ReadAllText(f))).ToList();
        var output = new GeneratedOutput(directory, directory, files);
        var outcome = OutputCompiler.Compile(output);
        var times = OutputCompiler.CompileTimes(output, runs);
        // The minimum too: on a shared two-core machine, interference only ever adds time.
        Console.WriteLine($"{directory}: {files.Count} files, {output.Utf8Bytes / 1024} KiB, compiles: {outcome.Success} ({outcome.ErrorCount} errors), median {times[times.Count / 2].TotalMilliseconds:0} ms, min {times[0].TotalMilliseconds:0} ms");
        if (!outcome.Success)
        {
            Console.WriteLine(outcome.FirstErrors);
        }
    }
}
