using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using CmuContracts.Generator;
using CmuContracts.Generator.Emitting;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

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
    private SpecText _ours = null!;
    private SpecText _large = null!;
    private GeneratorDriver _warmOurs = null!;
    private GeneratorDriver _warmLarge = null!;
    private SpecInput _largeInput = null!;
    private ApiModel _largeModel = null!;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CSharpCompilation.Create(
            "Bench",
            new[] { CSharpSyntaxTree.ParseText("namespace App; public static class Program { public static void Main() { } }") },
            // Refit is referenced so the generator emits the clients (without it, CMU1012 and models only).
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(typeof(Refit.RestService).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _ours = new SpecText("/specs/adobe-pass.openapi.yaml", File.ReadAllText(FindOurSpec()).Replace("\r\n", "\n", StringComparison.Ordinal));
        var synthetic = SyntheticSpecBuilder.Build();
        _large = new SpecText("/specs/synthetic.openapi.yaml", synthetic.Yaml);
        Console.WriteLine($"// synthetic spec: {synthetic.OperationCount} operations, {synthetic.SchemaCount} schemas, {synthetic.Yaml.Length / 1024} KiB; ours: {_ours.GetText()!.Length / 1024} KiB");

        _largeInput = new SpecInput(_large.Path, synthetic.Yaml, "Bench.Generated", "Synthetic", "Bench.Generated.Synthetic");
        _largeModel = SpecParser.Parse(_largeInput, CancellationToken.None).Model ?? throw new InvalidOperationException("The synthetic spec did not parse");

        _warmOurs = CreateDriver(_ours).RunGenerators(_compilation);
        _warmLarge = CreateDriver(_large).RunGenerators(_compilation);
        foreach (var driver in new[] { _warmOurs, _warmLarge })
        {
            var result = driver.GetRunResult();
            if (result.Results.Any(r => r.Exception is not null) || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                throw new InvalidOperationException("The generator failed during setup: " + string.Join("; ", result.Diagnostics));
            }
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

    private static CSharpGeneratorDriver CreateDriver(SpecText spec) =>
        CSharpGeneratorDriver.Create(
            generators: new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            additionalTexts: ImmutableArray.Create<AdditionalText>(spec),
            optionsProvider: new Options(spec.Path),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    private static string FindOurSpec()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "spec", "adobe-pass.openapi.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("spec/adobe-pass.openapi.yaml not found above " + AppContext.BaseDirectory);
    }

    private sealed class SpecText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options(string specPath) : AnalyzerConfigOptionsProvider
    {
        private static readonly ValueOptions Empty = new(ImmutableDictionary<string, string>.Empty);
        private readonly ValueOptions _spec = new(ImmutableDictionary<string, string>.Empty
            .Add("build_metadata.AdditionalFiles.CmuNamespace", "Bench.Generated"));

        public override AnalyzerConfigOptions GlobalOptions => Empty;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == specPath ? _spec : Empty;
    }

    private sealed class ValueOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
