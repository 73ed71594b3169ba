using CmuContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CmuContracts.Generator.Tests;

/// <summary>
/// Generated files are named after the spec's namespace, once (<c>CmuContracts.AdobePass.Models.g.cs</c>), then what
/// they hold; names stay distinct between specs of different namespaces, even nested ones, and are the same on every run.
/// </summary>
public sealed class HintNameTests
{
    [Fact]
    public void HintNamesGiveTheNamespaceOnceThenWhatTheFileHolds()
    {
        var hints = GeneratorHarness.Run(Specs.Ours()).ThrowIfGeneratorFailed().Single.GeneratedSources.Select(s => s.HintName).ToList();

        Assert.Contains("CmuContracts.AdobePass.Models.g.cs", hints);
        Assert.Contains("CmuContracts.AdobePass.UsageReportsClient.g.cs", hints);
        Assert.Contains("CmuContracts.AdobePass.AdobePassJsonContext.g.cs", hints);
        Assert.DoesNotContain(hints, h => h.StartsWith("CmuContracts.AdobePass.AdobePass.", StringComparison.Ordinal));
    }

    [Fact]
    public void SpecsInNestedNamespacesWithOneClientNameGetDistinctHintNames()
    {
        // "Shop" and "Shop.Internal": the first spec's helpers are named Shop.Internal.*, as the second spec's files are.
        var spec = File.ReadAllText(TestPaths.CorpusFile("library-catalogue"));
        var specs = new[]
        {
            new SpecFile("/specs/shop.yaml", spec, "Shop", "Api"),
            new SpecFile("/specs/shop-internal.yaml", spec, "Shop.Internal", "Api"),
            new SpecFile("/specs/shop-models.yaml", spec, "Shop.Models", "Api"),
        };
        var run = GeneratorHarness.Run(specs).ThrowIfGeneratorFailed();

        Assert.Empty(run.GeneratorDiagnostics);
        var hints = run.Single.GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Equal(hints.Count, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(3 * GeneratorHarness.Run(specs[0]).Single.GeneratedSources.Length, hints.Count);
        Assert.Contains("Shop.Internal.ModelJson.g.cs", hints);
        Assert.Contains("Shop.Internal.Internal.ModelJson.g.cs", hints);
        Assert.Contains("Shop.Models.g.cs", hints);
        Assert.Contains("Shop.Models.Models.g.cs", hints);
    }

    [Fact]
    public void HintNamesAndTheirOrderAreTheSameOnEveryRun()
    {
        var specs = new[] { Specs.Ours(), Specs.Corpus("parcel-tracking"), Specs.Corpus("ticket-office") };

        var first = GeneratorHarness.Run(specs).ThrowIfGeneratorFailed().Single.GeneratedSources.Select(s => s.HintName).ToList();
        var second = GeneratorHarness.Run(specs.Reverse()).ThrowIfGeneratorFailed().Single.GeneratedSources.Select(s => s.HintName).ToList();

        Assert.Equal(first.Order(StringComparer.Ordinal), second.Order(StringComparer.Ordinal));
        Assert.Equal(first, GeneratorHarness.Run(specs).Single.GeneratedSources.Select(s => s.HintName));
    }
}
