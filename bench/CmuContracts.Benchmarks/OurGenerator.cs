using System.Collections.Immutable;
using System.Text;
using CmuContracts.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CmuContracts.Benchmarks;

/// <summary><see cref="OpenApiClientGenerator"/> driven in-process, as the compiler drives it, over one spec.</summary>
internal static class OurGenerator
{
    /// <summary>The compilation the generator runs against: one trivial file, the core library only.</summary>
    public static CSharpCompilation CreateCompilation() =>
        CSharpCompilation.Create(
            "Bench",
            new[] { CSharpSyntaxTree.ParseText("namespace App; public static class Program { public static void Main() { } }") },
            // Refit is referenced so the generator emits the clients (without it, CMU1012 and models only), and
            // System.Runtime so Refit's attributes bind: the generator reads its informational version from them.
            new[]
            {
                MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
                MetadataReference.CreateFromFile(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Runtime.dll")),
                MetadataReference.CreateFromFile(typeof(Refit.RestService).Assembly.Location),
            },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static CSharpGeneratorDriver CreateDriver(string path, string text) => CreateDriver(new SpecText(path, text));

    /// <summary>A driver per spec text object: reusing the text object is what lets a re-run be cached.</summary>
    public static CSharpGeneratorDriver CreateDriver(AdditionalText spec) =>
        CSharpGeneratorDriver.Create(
            generators: new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            additionalTexts: ImmutableArray.Create(spec),
            optionsProvider: new Options(spec.Path),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    public static AdditionalText Text(string path, string text) => new SpecText(path, text);

    /// <summary>Runs the generator once and returns what it wrote; throws if it failed or reported an error.</summary>
    public static GeneratedOutput Generate(BenchmarkSpec spec)
    {
        var result = CreateDriver(spec.Path, spec.Text).RunGenerators(CreateCompilation()).GetRunResult();
        ThrowIfFailed(result);
        var files = result.Results.SelectMany(r => r.GeneratedSources).Select(s => new GeneratedFile(s.HintName, s.SourceText.ToString())).ToList();
        return new GeneratedOutput("CmuContracts", spec.Name, files);
    }

    public static void ThrowIfFailed(GeneratorDriverRunResult result)
    {
        if (result.Results.Any(r => r.Exception is not null) || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("The generator failed: " + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }
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
