using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CmuContracts.Benchmarks;

/// <summary>
/// Our full run (a new <see cref="CSharpGeneratorDriver"/>: parse, model, emit) against NSwag's full run (read the
/// document, generate the client file) on the same spec text, in the same process; the Ratio column is NSwag's time
/// over ours per spec. The cached re-run is ours only. Short job: 2 warmups, 7 iterations, 1 launch.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 7)]
public class NSwagComparisonBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private BenchmarkSpec _spec = null!;
    private AdditionalText _text = null!;
    private GeneratorDriver _warm = null!;

    [ParamsSource(nameof(Specs))]
    public string Spec { get; set; } = BenchmarkSpecs.Ours;

    public static IEnumerable<string> Specs() => BenchmarkSpecs.Names;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = OurGenerator.CreateCompilation();
        _spec = BenchmarkSpecs.Get(Spec);
        _text = OurGenerator.Text(_spec.Path, _spec.Text);
        _warm = OurGenerator.CreateDriver(_text).RunGenerators(_compilation);
        OurGenerator.ThrowIfFailed(_warm.GetRunResult());
        var nswag = NSwagGenerator.Generate(_spec);
        Console.WriteLine($"// {Spec}: {_spec.SizeKiB} KiB of spec; NSwag wrote {nswag.Length / 1024} KiB");
    }

    [Benchmark(Baseline = true, Description = "CmuContracts full run")]
    public GeneratorDriver OurFullRun() => OurGenerator.CreateDriver(_text).RunGenerators(_compilation);

    [Benchmark(Description = "NSwag full run")]
    public string NSwagFullRun() => NSwagGenerator.Generate(_spec);

    [Benchmark(Description = "CmuContracts cached re-run")]
    public GeneratorDriver OurCachedRun() => _warm.RunGenerators(_compilation);
}
