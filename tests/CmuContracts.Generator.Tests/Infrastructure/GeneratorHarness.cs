using System.Collections.Immutable;
using CmuContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CmuContracts.Generator.Tests.Infrastructure;

/// <summary>Runs <see cref="OpenApiClientGenerator"/> in-process with <see cref="CSharpGeneratorDriver"/>.</summary>
internal static class GeneratorHarness
{
    // Diagnose doc comments as GenerateDocumentationFile does, so broken XML docs in generated code fail the build.
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>Nullable on, every warning an error: generated code must be clean under the strictest consumer settings.</summary>
    public static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error,
            deterministic: true)
        .WithWarningLevel(9999);

    /// <summary>The same without warnings-as-errors: diagnostics keep their declared severity.</summary>
    public static readonly CSharpCompilationOptions LenientCompilationOptions = CompilationOptions.WithGeneralDiagnosticOption(ReportDiagnostic.Default);

    public static CSharpCompilation CreateCompilation(bool withHttp, IEnumerable<SyntaxTree> trees, bool warningsAsErrors = true) =>
        CSharpCompilation.Create("GeneratedClientTests", trees, TestReferences.For(withHttp), warningsAsErrors ? CompilationOptions : LenientCompilationOptions);

    public static CSharpCompilation CreateCompilation(bool withHttp, params string[] sources) =>
        CreateCompilation(withHttp, sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)));

    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs, string? rootNamespace = null)
    {
        var specList = specs.ToList();
        return CreateDriver(specList.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)), OptionsFor(specList, rootNamespace));
    }

    /// <summary>A driver over given additional text instances (keep them to call <c>ReplaceAdditionalText</c> later).</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts, AnalyzerConfigOptionsProvider options) =>
        CSharpGeneratorDriver.Create(
            generators: new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            additionalTexts: texts.ToImmutableArray(),
            parseOptions: ParseOptions,
            optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static AnalyzerConfigOptionsProvider OptionsFor(IEnumerable<SpecFile> specs, string? rootNamespace = null)
    {
        var global = ImmutableDictionary.CreateBuilder<string, string>();
        if (rootNamespace is not null)
        {
            global["build_property.RootNamespace"] = rootNamespace;
        }

        var perFile = ImmutableDictionary.CreateBuilder<string, ImmutableDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var values = ImmutableDictionary.CreateBuilder<string, string>();
            if (spec.Namespace is not null)
            {
                values["build_metadata.AdditionalFiles.CmuNamespace"] = spec.Namespace;
            }

            if (spec.ClientName is not null)
            {
                values["build_metadata.AdditionalFiles.CmuClientName"] = spec.ClientName;
            }

            foreach (var (key, value) in spec.Metadata ?? new Dictionary<string, string>())
            {
                values["build_metadata.AdditionalFiles." + key] = value;
            }

            perFile[spec.Path] = values.ToImmutable();
        }

        return new TestAnalyzerConfigOptionsProvider(global.ToImmutable(), perFile.ToImmutable());
    }

    /// <summary>
    /// Runs the generator once over a fresh, empty compilation and the given specs. With <paramref name="warningsAsErrors"/>
    /// the generator's warnings are reported as errors too, as in a consumer's <c>-warnaserror</c> build.
    /// </summary>
    public static GeneratorRun Run(IEnumerable<SpecFile> specs, bool withHttp = true, string? rootNamespace = null, bool warningsAsErrors = true) =>
        Run(specs, TestReferences.For(withHttp), rootNamespace, warningsAsErrors);

    /// <summary>The same over explicit references (for example without Refit).</summary>
    public static GeneratorRun Run(IEnumerable<SpecFile> specs, ImmutableArray<MetadataReference> references, string? rootNamespace = null, bool warningsAsErrors = true)
    {
        var compilation = CSharpCompilation.Create("GeneratedClientTests", Array.Empty<SyntaxTree>(), references, warningsAsErrors ? CompilationOptions : LenientCompilationOptions);
        var driver = CreateDriver(specs, rootNamespace);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver, compilation, output, generatorDiagnostics);
    }

    public static GeneratorRun Run(SpecFile spec, bool withHttp = true) => Run(new[] { spec }, withHttp);
}

/// <summary>One generator run: the driver (for further runs), the input and output compilations and the generator's diagnostics.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, Compilation Input, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    public GeneratorRunResult Single => Result.Results.Single();

    /// <summary>Compiler diagnostics of the output compilation (the generated code), warnings included, suppressed ones excluded.</summary>
    /// <remarks>
    /// Generated files turn nullable warnings off for consumers (<c>#nullable disable warnings</c>); here every generated
    /// file is compiled with them on instead, so the generated code itself must be nullable-clean.
    /// </remarks>
    public ImmutableArray<Diagnostic> CompilationDiagnostics() =>
        WithNullableWarnings(Input, Output).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed).ToImmutableArray();

    /// <summary><paramref name="output"/> with nullable warnings on in every file the generator added to <paramref name="input"/>.</summary>
    public static Compilation WithNullableWarnings(Compilation input, Compilation output)
    {
        var result = output;
        foreach (var tree in output.SyntaxTrees.Where(t => !input.SyntaxTrees.Contains(t)))
        {
            var text = tree.GetText().ToString();
            if (!text.Contains(WarningsOff, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The generated file {tree.FilePath} does not start with '{WarningsOff}'.");
            }

            var checkedText = SourceText.From(text.Replace(WarningsOff, "#nullable enable warnings", StringComparison.Ordinal), tree.Encoding);
            result = result.ReplaceSyntaxTree(tree, tree.WithChangedText(checkedText));
        }

        return result;
    }

    private const string WarningsOff = "#nullable disable warnings";

    /// <summary>Throws with the generator's exception, if any, so a crash is never mistaken for an empty output.</summary>
    public GeneratorRun ThrowIfGeneratorFailed()
    {
        foreach (var result in Result.Results)
        {
            if (result.Exception is not null)
            {
                throw new InvalidOperationException("The generator threw: " + result.Exception, result.Exception);
            }
        }

        return this;
    }
}
