using BenchmarkDotNet.Attributes;

namespace CmuContracts.Benchmarks;

/// <summary>
/// What a consumer's build pays for the generated code: parsing and compiling each generator's output for each spec
/// (<see cref="OutputCompiler"/>). The Ratio column is NSwag's compile time over ours. The outputs are generated once in
/// setup, so re-running this after a generator change measures the new output with no other edit.
/// Short job: 1 warmup, 5 iterations (one compile of a large output takes seconds).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class OutputCompileBenchmarks
{
    private GeneratedOutput _ours = null!;
    private GeneratedOutput _nswag = null!;

    [ParamsSource(nameof(Specs))]
    public string Spec { get; set; } = BenchmarkSpecs.Ours;

    public static IEnumerable<string> Specs() => BenchmarkSpecs.Names;

    [GlobalSetup]
    public void Setup()
    {
        var spec = BenchmarkSpecs.Get(Spec);
        _ours = OurGenerator.Generate(spec);
        _nswag = NSwagGenerator.Output(spec);
        OutputCompiler.Warm();
        foreach (var output in new[] { _ours, _nswag })
        {
            var outcome = OutputCompiler.Compile(output);
            Console.WriteLine($"// {output.Generator} on {Spec}: {output.Files.Count} files, {output.Utf8Bytes / 1024} KiB, compiles: {outcome.Success} ({outcome.ErrorCount} errors) {outcome.FirstErrors}");
        }
    }

    [Benchmark(Baseline = true, Description = "Compile CmuContracts output")]
    public bool CompileOurs() => OutputCompiler.Compile(_ours).Success;

    [Benchmark(Description = "Compile NSwag output")]
    public bool CompileNSwag() => OutputCompiler.Compile(_nswag).Success;
}
