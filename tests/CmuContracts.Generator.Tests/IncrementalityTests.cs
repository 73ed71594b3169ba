using System.Reflection;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CmuContracts.Generator.Tests;

/// <summary>
/// The pipeline is incremental (NetEscapades/Refit style): unrelated C# edits leave every tracked step
/// Cached/Unchanged, a spec edit regenerates, a diagnostics-only change does not re-emit, and no step output
/// holds a Compilation, ISymbol or SyntaxNode.
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly string[] AllTrackingNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    private static readonly IncrementalStepRunReason[] CachedOrUnchanged = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    [Fact]
    public void TrackingNamesAreAllUsedByThePipeline()
    {
        var (_, first) = RunOnce(SpecsForIncrementality());

        Assert.Equal(5, AllTrackingNames.Length);
        Assert.All(AllTrackingNames, name => Assert.True(first.TrackedSteps.ContainsKey(name), $"Step '{name}' was not tracked; tracked: {string.Join(", ", first.TrackedSteps.Keys)}"));
    }

    [Fact]
    public void AddingAnUnrelatedSyntaxTreeLeavesEveryStepCachedOrUnchanged()
    {
        var specs = SpecsForIncrementality();
        var (driver, compilation, first) = RunOnceWithCompilation(specs);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Unrelated; public sealed class Thing { public int Value { get; set; } }", GeneratorHarness.ParseOptions));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllStepsCachedOrUnchanged(second);
        AssertStepOutputsEqual(first, second);
        AssertSameSources(first, second);
    }

    [Fact]
    public void RunningAgainOnAClonedCompilationLeavesEveryStepCachedOrUnchanged()
    {
        var specs = SpecsForIncrementality();
        var (driver, compilation, first) = RunOnceWithCompilation(specs);

        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        AssertAllStepsCachedOrUnchanged(second);
        AssertStepOutputsEqual(first, second);
        AssertSameSources(first, second);
    }

    [Fact]
    public void EditingASpecModifiesParseAndModelAndChangesTheOutput()
    {
        var library = Specs.Corpus("library-catalogue");
        var other = Specs.Corpus("weather-network");
        var libraryText = new InMemoryAdditionalText(library.Path, library.Text);
        var otherText = new InMemoryAdditionalText(other.Path, other.Text);
        var options = GeneratorHarness.OptionsFor(new[] { library, other });
        var compilation = GeneratorHarness.CreateCompilation(withHttp: true);
        var driver = GeneratorHarness.CreateDriver(new AdditionalText[] { libraryText, otherText }, options).RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();

        // A new optional property on NewBook (and so on Book, which extends it).
        const string Pages = "        pages:\n          type: integer\n          format: int32\n";
        var editedText = library.Text.Replace(Pages, Pages + "        edition:\n          type: string\n", StringComparison.Ordinal);
        Assert.NotEqual(library.Text, editedText);
        driver = driver.ReplaceAdditionalText(libraryText, new InMemoryAdditionalText(library.Path, editedText)).RunGenerators(compilation);
        var second = driver.GetRunResult().Results.Single();

        // The edited spec's entries are Modified; the other spec's stay Cached/Unchanged.
        foreach (var name in new[] { TrackingNames.SpecInput, TrackingNames.Parse, TrackingNames.Model })
        {
            var reasons = Reasons(second, name);
            Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
            Assert.All(reasons.Where(r => r != IncrementalStepRunReason.Modified), r => Assert.Contains(r, CachedOrUnchanged));
        }

        var before = Source(first, "Corpus.LibraryCatalogue.Models.g.cs");
        var after = Source(second, "Corpus.LibraryCatalogue.Models.g.cs");
        Assert.DoesNotContain("Edition", before, StringComparison.Ordinal);
        Assert.Contains("public string? Edition { get; init; }", after, StringComparison.Ordinal);

        // The other spec's output is untouched.
        Assert.Equal(
            Source(first, "Corpus.WeatherNetwork.Models.g.cs"),
            Source(second, "Corpus.WeatherNetwork.Models.g.cs"));
    }

    [Fact]
    public void ShiftingASpecByOneLineChangesOnlyDiagnosticsNotTheModel()
    {
        // ticket-office reports CMU1005 twice (no operationId); a leading comment moves those diagnostics but not the model.
        var spec = Specs.Corpus("ticket-office");
        var text = new InMemoryAdditionalText(spec.Path, spec.Text);
        var compilation = GeneratorHarness.CreateCompilation(withHttp: true);
        var driver = GeneratorHarness.CreateDriver(new AdditionalText[] { text }, GeneratorHarness.OptionsFor(new[] { spec })).RunGenerators(compilation);
        var firstDiagnostics = driver.GetRunResult().Diagnostics;
        Assert.Equal(2, firstDiagnostics.Length);

        driver = driver.ReplaceAdditionalText(text, new InMemoryAdditionalText(spec.Path, "# a comment\n" + spec.Text)).RunGenerators(compilation);
        var second = driver.GetRunResult();

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Reasons(second.Results.Single(), TrackingNames.Parse)));
        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(Reasons(second.Results.Single(), TrackingNames.Model)));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Reasons(second.Results.Single(), TrackingNames.Diagnostics)));
        Assert.Equal(
            firstDiagnostics.Select(d => d.Id + " line " + (d.Location.GetLineSpan().StartLinePosition.Line + 1)),
            second.Diagnostics.Select(d => d.Id + " line " + d.Location.GetLineSpan().StartLinePosition.Line));
    }

    [Fact]
    public void NoStepOutputHoldsACompilationSymbolOrSyntaxNode()
    {
        var specs = SpecsForIncrementality();
        var (driver, compilation, first) = RunOnceWithCompilation(specs);
        var second = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class C { }", GeneratorHarness.ParseOptions))).GetRunResult().Results.Single();

        foreach (var result in new[] { first, second })
        {
            // Our steps only: Roslyn's own input steps ("Compilation", "AdditionalTexts"...) hold Roslyn objects by design.
            foreach (var name in AllTrackingNames)
            {
                foreach (var step in result.TrackedSteps[name])
                {
                    foreach (var (output, _) in step.Outputs)
                    {
                        AssertNoRoslynObjects(output, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                    }
                }
            }
        }

        // The walk must have had something to walk: the model step carries the parsed models.
        Assert.NotEmpty(first.TrackedSteps[TrackingNames.Model].SelectMany(s => s.Outputs));
    }

    [Fact]
    public void TheObjectGraphCheckCatchesASymbol()
    {
        // The check itself can fail: a tuple holding a symbol deep inside an array is found.
        var compilation = GeneratorHarness.CreateCompilation(withHttp: false, "class C { }");
        var symbol = compilation.GetTypeByMetadataName("C")!;
        var graph = ("path", new object[] { 1, new List<object> { "x", symbol } });

        var ex = Assert.ThrowsAny<Exception>(() => AssertNoRoslynObjects(graph, "Test", new HashSet<object>(ReferenceEqualityComparer.Instance)));
        Assert.Contains("ISymbol", ex.Message, StringComparison.Ordinal);
    }

    private static SpecFile[] SpecsForIncrementality() =>
        new[] { Specs.Ours(), Specs.Corpus("library-catalogue"), Specs.Corpus("ticket-office"), Specs.Corpus("parcel-tracking") };

    private static (GeneratorDriver Driver, GeneratorRunResult Result) RunOnce(IReadOnlyList<SpecFile> specs)
    {
        var (driver, _, result) = RunOnceWithCompilation(specs);
        return (driver, result);
    }

    private static (GeneratorDriver Driver, Compilation Compilation, GeneratorRunResult Result) RunOnceWithCompilation(IReadOnlyList<SpecFile> specs)
    {
        var compilation = GeneratorHarness.CreateCompilation(withHttp: true, "namespace App; public static class Program { public static void Main() { } }");
        var driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return (driver, compilation, result);
    }

    private static List<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step)
    {
        Assert.True(result.TrackedSteps.ContainsKey(step), $"Step '{step}' was not tracked");
        return result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
    }

    private static void AssertAllStepsCachedOrUnchanged(GeneratorRunResult result)
    {
        foreach (var name in AllTrackingNames)
        {
            var reasons = Reasons(result, name);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.True(CachedOrUnchanged.Contains(r), $"Step '{name}' reported {r}"));
        }
    }

    private static void AssertStepOutputsEqual(GeneratorRunResult first, GeneratorRunResult second)
    {
        foreach (var name in AllTrackingNames)
        {
            var a = first.TrackedSteps[name].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
            var b = second.TrackedSteps[name].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
            Assert.Equal(a.Count, b.Count);
            for (var i = 0; i < a.Count; i++)
            {
                Assert.True(Equals(a[i], b[i]), $"Step '{name}' output {i} differs between runs");
            }
        }
    }

    private static void AssertSameSources(GeneratorRunResult first, GeneratorRunResult second)
    {
        Assert.NotEmpty(first.GeneratedSources);
        Assert.Equal(
            first.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())),
            second.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    private static string Source(GeneratorRunResult result, string hintName)
    {
        var source = result.GeneratedSources.SingleOrDefault(s => s.HintName == hintName);
        Assert.True(source.HintName is not null, $"No generated source '{hintName}'");
        return source.SourceText.ToString();
    }

    /// <summary>Walks an object graph by reflection (fields, array and collection elements) for Roslyn objects.</summary>
    private static void AssertNoRoslynObjects(object? node, string step, HashSet<object> visited)
    {
        if (node is null)
        {
            return;
        }

        var type = node.GetType();
        if (node is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel)
        {
            var kind = node switch { Compilation => nameof(Compilation), ISymbol => nameof(ISymbol), SyntaxNode => nameof(SyntaxNode), SyntaxTree => nameof(SyntaxTree), _ => nameof(SemanticModel) };
            Assert.Fail($"Step '{step}' output holds a {kind} ({type.FullName}); models must hold only plain, equatable data.");
        }

        if (type.IsPrimitive || type.IsEnum || node is string or decimal || type.IsPointer)
        {
            return;
        }

        if (!type.IsValueType && !visited.Add(node))
        {
            return;
        }

        // Arrays have no fields to walk; every other collection (List, ImmutableArray, EquatableArray) is walked through its fields.
        if (node is Array array)
        {
            foreach (var item in array)
            {
                AssertNoRoslynObjects(item, step, visited);
            }
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                {
                    continue;
                }

                AssertNoRoslynObjects(field.GetValue(node), step, visited);
            }
        }
    }
}
