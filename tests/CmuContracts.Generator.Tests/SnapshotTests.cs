using CmuContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CmuContracts.Generator.Tests;

/// <summary>
/// Every generated file for our spec and for each corpus spec, compared with the verified snapshot in
/// <c>Snapshots/</c> (run with <c>CMU_ACCEPT_SNAPSHOTS=1</c> to accept changes, then review the diff). The runtime
/// helpers every spec emits are pinned once, by <see cref="RuntimeHelpers"/>, and left out of each spec's snapshots.
/// </summary>
public sealed class SnapshotTests
{
    public static TheoryData<string> CorpusNames() => new(TestPaths.CorpusNames());

    public static TheoryData<string> AllSpecNames() => new(Specs.AllNames());

    [Fact]
    public void AdobePass()
    {
        var run = GeneratorHarness.Run(Specs.Ours(), withHttp: true).ThrowIfGeneratorFailed();

        Assert.Contains(run.Single.GeneratedSources, s => s.HintName == "CmuContracts.AdobePass.AdobePassServiceCollectionExtensions.g.cs");
        Assert.All(run.Single.GeneratedSources, s => Assert.StartsWith(Specs.OurNamespace + ".", s.HintName, StringComparison.Ordinal));
        SnapshotVerifier.Verify(RuntimeHelperSources.SpecOwnSources(run), run.Result.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void Corpus(string spec)
    {
        var file = Specs.Corpus(spec);
        var run = GeneratorHarness.Run(file, withHttp: true).ThrowIfGeneratorFailed();

        Assert.NotEmpty(RuntimeHelperSources.SpecOwnSources(run));
        Assert.All(run.Single.GeneratedSources, s => Assert.StartsWith(file.Namespace + ".", s.HintName, StringComparison.Ordinal));
        SnapshotVerifier.Verify(RuntimeHelperSources.SpecOwnSources(run), run.Result.Diagnostics, "spec=" + spec);
    }

    /// <summary>
    /// The runtime helpers, once: every helper any spec emits (ours emits them all, the query converters too), in the
    /// placeholder namespace.
    /// </summary>
    [Fact]
    public void RuntimeHelpers()
    {
        var helpers = Specs.AllNames()
            .Select(Specs.ByName)
            .SelectMany(file => RuntimeHelperSources.InSnapshotNamespace(GeneratorHarness.Run(file, withHttp: true).ThrowIfGeneratorFailed(), file.Namespace!))
            .DistinctBy(h => h.HintName)
            .ToList();

        Assert.Equal(
            "ApiOperation, ApiParameter, ApiRequestOptions, ApiServer, Internal.EventStreamReader, Internal.GeneratedJson, Internal.JsonValueReader, Internal.JsonValueWriter, Internal.QueryConverters, Internal.ReservedQueryConverters",
            string.Join(", ", helpers.Select(h => h.HintName[(RuntimeHelperSources.SnapshotNamespace.Length + 1)..^".g.cs".Length]).Order(StringComparer.Ordinal)));
        SnapshotVerifier.Verify(helpers, Array.Empty<Microsoft.CodeAnalysis.Diagnostic>());
    }

    /// <summary>
    /// Each spec's helpers are byte for byte the snapshot of <see cref="RuntimeHelpers"/> but for their namespace
    /// (after a change to the helpers, accept that snapshot first).
    /// </summary>
    [Theory]
    [MemberData(nameof(AllSpecNames))]
    public void EverySpecEmitsTheSnapshottedRuntimeHelpers(string spec)
    {
        var file = Specs.ByName(spec);
        var helpers = RuntimeHelperSources.InSnapshotNamespace(GeneratorHarness.Run(file, withHttp: true).ThrowIfGeneratorFailed(), file.Namespace!);

        Assert.NotEmpty(helpers);
        SnapshotVerifier.AssertSameAsVerified(helpers, nameof(RuntimeHelpers));
    }
}
