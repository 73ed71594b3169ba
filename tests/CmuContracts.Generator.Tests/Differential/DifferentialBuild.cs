using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using CmuContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CmuContracts.Generator.Tests.Differential;

/// <summary>
/// One spec built twice from the same generator output: <see cref="Ours"/> with our implementation and registration,
/// <see cref="Refits"/> without them and implemented by Refit's own generator instead. Each is emitted to memory and
/// loaded in its own collectible context (Refit itself comes from the default context, so both share its registry).
/// </summary>
internal sealed class DifferentialBuild
{
    private DifferentialBuild(Assembly ours, Assembly refits, ImmutableArray<Diagnostic> refitDiagnostics, ImmutableDictionary<string, string> ourSources, ImmutableDictionary<string, string> refitSources)
    {
        OurGeneratedSources = ourSources;
        Ours = ours;
        Refits = refits;
        RefitGeneratorDiagnostics = refitDiagnostics;
        RefitGeneratedSources = refitSources;
    }

    public Assembly Ours { get; }

    public Assembly Refits { get; }

    /// <summary>What Refit's generator reported on our interfaces (for example RF006, a reflection fallback).</summary>
    public ImmutableArray<Diagnostic> RefitGeneratorDiagnostics { get; }

    /// <summary>Our generated files by hint name.</summary>
    public ImmutableDictionary<string, string> OurGeneratedSources { get; }

    /// <summary>Refit's generated files by hint name, to quote its code in a difference report.</summary>
    public ImmutableDictionary<string, string> RefitGeneratedSources { get; }

    /// <summary>
    /// The harness's parse options plus the target framework's symbols: both generators put their module
    /// initializers under <c>#if NET5_0_OR_GREATER</c>, as an SDK build of a net10.0 project defines it.
    /// </summary>
    private static readonly CSharpParseOptions ParseOptions = GeneratorHarness.ParseOptions.WithPreprocessorSymbols(
        new[] { "NET", "NET10_0" }.Concat(Enumerable.Range(5, 6).Select(v => "NET" + v + "_0_OR_GREATER")).Append("NETCOREAPP"));

    public static DifferentialBuild For(SpecFile spec)
    {
        var references = TestReferences.WithHttp.AddRange(RefitPackage.References);
        var empty = CSharpCompilation.Create("Ours_" + Sanitize(spec.Path), Array.Empty<SyntaxTree>(), references, GeneratorHarness.LenientCompilationOptions);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            generators: new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            additionalTexts: ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(spec.Path, spec.Text)),
            parseOptions: ParseOptions,
            optionsProvider: GeneratorHarness.OptionsFor(new[] { spec }));
        driver = driver.RunGeneratorsAndUpdateCompilation(empty, out var ours, out var ourDiagnostics);
        ThrowOnErrors("our generator", ourDiagnostics);
        var generated = driver.GetRunResult().Results.Single();
        if (generated.Exception is not null)
        {
            throw new InvalidOperationException("Our generator threw: " + generated.Exception, generated.Exception);
        }

        if (!generated.GeneratedSources.Any(s => s.HintName.EndsWith("RefitRegistration.g.cs", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"The generator emitted no Refit registration for {spec.Path}; is Refit referenced?");
        }

        var stripped = generated.GeneratedSources
            .Where(s => !s.HintName.EndsWith("RefitRegistration.g.cs", StringComparison.Ordinal))
            .Select(s => s.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal) ? WithoutImplementation(s.SyntaxTree) : s.SyntaxTree)
            .ToList();
        var withoutImplementation = CSharpCompilation.Create("Refits_" + Sanitize(spec.Path), stripped, references, GeneratorHarness.LenientCompilationOptions);
        GeneratorDriver refitDriver = CSharpGeneratorDriver.Create(RefitPackage.Generators, parseOptions: ParseOptions);
        refitDriver = refitDriver.RunGeneratorsAndUpdateCompilation(withoutImplementation, out var refits, out var refitDiagnostics);
        ThrowOnErrors("Refit's generator", refitDiagnostics);
        var refitSources = refitDriver.GetRunResult().Results
            .SelectMany(r => r.GeneratedSources)
            .ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

        var ourSources = generated.GeneratedSources.ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        return new DifferentialBuild(Load(ours, "ours"), Load(refits, "Refit's"), refitDiagnostics, ourSources, refitSources);
    }

    /// <summary>The client file without the <c>{Ns}.Internal</c> namespace block that holds our <c>internal sealed class {Tag}Client</c>.</summary>
    private static SyntaxTree WithoutImplementation(SyntaxTree tree)
    {
        var root = (CompilationUnitSyntax)tree.GetRoot();
        var blocks = root.Members.OfType<BaseNamespaceDeclarationSyntax>()
            .Where(ns => ns.Name.ToString().EndsWith(".Internal", StringComparison.Ordinal)
                && ns.Members.OfType<ClassDeclarationSyntax>().Any(c =>
                    c.Identifier.Text.EndsWith("Client", StringComparison.Ordinal)
                    && c.Modifiers.Any(SyntaxKind.InternalKeyword)
                    && c.Modifiers.Any(SyntaxKind.SealedKeyword)))
            .ToList();
        if (blocks.Count != 1)
        {
            throw new InvalidOperationException($"Expected one Internal namespace block with the implementation in {tree.FilePath}, found {blocks.Count}.");
        }

        return tree.WithRootAndOptions(root.RemoveNode(blocks[0], SyntaxRemoveOptions.KeepNoTrivia)!, tree.Options);
    }

    private static Assembly Load(Compilation compilation, string what)
    {
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(30);
            throw new InvalidOperationException($"The {what} compilation failed:\n" + string.Join("\n", errors));
        }

        pe.Position = 0;
        var context = new AssemblyLoadContext(what + " " + compilation.AssemblyName, isCollectible: true);
        var assembly = context.LoadFromStream(pe);

        // Registration happens in module initializers; reflection alone would never trigger them.
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        return assembly;
    }

    private static void ThrowOnErrors(string who, ImmutableArray<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(who + " reported errors:\n" + string.Join("\n", errors));
        }
    }

    private static string Sanitize(string path) => new(Path.GetFileNameWithoutExtension(path).Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
}
