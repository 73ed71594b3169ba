using BenchmarkDotNet.Attributes;
using CmuContracts.Generator.Emitting;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CmuContracts.Benchmarks;

/// <summary>
/// The generator through <see cref="CSharpGeneratorDriver"/>: a full run (new driver) over our spec and over a
/// synthetic large spec, and the cached re-run (same driver, nothing changed). A short job: 3 warmups, 10 iterations
/// (stable on 2 shared cores, total time a few minutes).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private AdditionalText _ours = null!;
    private AdditionalText _large = null!;
    private GeneratorDriver _warmOurs = null!;
    private GeneratorDriver _warmLarge = null!;
    private SpecInput _largeInput = null!;
    private ApiModel _largeModel = null!;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = OurGenerator.CreateCompilation();
        _ours = OurGenerator.Text("/specs/adobe-pass.openapi.yaml", File.ReadAllText(BenchmarkSpecs.FindOurSpec()).Replace("\r\n", "\n", StringComparison.Ordinal));
        var synthetic = SyntheticSpecBuilder.Build();
        _large = OurGenerator.Text("/specs/synthetic.openapi.yaml", synthetic.Yaml);
        Console.WriteLine($"// synthetic spec: {synthetic.OperationCount} operations, {synthetic.SchemaCount} schemas, {synthetic.Yaml.Length / 1024} KiB; ours: {_ours.GetText()!.Length / 1024} KiB");

        _largeInput = new SpecInput(_large.Path, synthetic.Yaml, "Bench.Generated", "Synthetic", "Bench.Generated.Synthetic");
        _largeModel = SpecParser.Parse(_largeInput, CancellationToken.None).Model ?? throw new InvalidOperationException("The synthetic spec did not parse");

        _warmOurs = CreateDriver(_ours).RunGenerators(_compilation);
        _warmLarge = CreateDriver(_large).RunGenerators(_compilation);
        foreach (var driver in new[] { _warmOurs, _warmLarge })
        {
            OurGenerator.ThrowIfFailed(driver.GetRunResult());
        }
    }

    [Benchmark(Description = "Full run: adobe-pass spec")]
    public GeneratorDriver FullRunOurSpec() => CreateDriver(_ours).RunGenerators(_compilation);

    [Benchmark(Description = "Full run: synthetic large spec")]
    public GeneratorDriver FullRunLargeSpec() => CreateDriver(_large).RunGenerators(_compilation);

    /// <summary>Phase split of the large full run: parsing alone (spec text to ApiModel).</summary>
    [Benchmark(Description = "Phase: parse only, synthetic large spec")]
    public int ParseOnlyLargeSpec() => SpecParser.Parse(_largeInput, CancellationToken.None).Model!.Types.Count;

    /// <summary>Phase split of the large full run: emitting alone (ApiModel to C# text).</summary>
    [Benchmark(Description = "Phase: emit only, synthetic large spec")]
    public int EmitOnlyLargeSpec() => SourceEmitter.Emit(_largeModel, GenerationOptions.Default, clients: true, serviceCollection: false).Count;

    [Benchmark(Description = "Cached re-run: adobe-pass spec")]
    public GeneratorDriver CachedRunOurSpec() => _warmOurs.RunGenerators(_compilation);

    [Benchmark(Description = "Cached re-run: synthetic large spec")]
    public GeneratorDriver CachedRunLargeSpec() => _warmLarge.RunGenerators(_compilation);

    private static CSharpGeneratorDriver CreateDriver(AdditionalText spec) => OurGenerator.CreateDriver(spec);
}
