namespace CmuContracts.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/CmuContracts.Benchmarks -- output-dump DIR</c>: writes both generators'
/// output for every benchmark spec under DIR (one folder per spec and generator), so the weight the output report
/// measures can be read file by file.
/// </summary>
internal static class OutputDump
{
    public const string Command = "output-dump";

    public static void Run(string directory)
    {
        foreach (var spec in BenchmarkSpecs.All)
        {
            foreach (var output in new[] { OurGenerator.Generate(spec), NSwagGenerator.Output(spec) })
            {
                var folder = Path.Combine(directory, Slug(spec.Name), output.Generator);
                Directory.CreateDirectory(folder);
                foreach (var file in output.Files)
                {
                    File.WriteAllText(Path.Combine(folder, file.Name), file.Text);
                }

                Console.WriteLine($"{folder}: {output.Files.Count} files, {output.Utf8Bytes / 1024} KiB");
            }
        }
    }

    private static string Slug(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
}
