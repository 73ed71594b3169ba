using CmuContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CmuContracts.Generator.Tests;

/// <summary>
/// Every generated file for our spec and for each public corpus spec, compared with the verified snapshot in
/// <c>Snapshots/</c> (run with <c>CMU_ACCEPT_SNAPSHOTS=1</c> to accept changes, then review the diff).
/// </summary>
public sealed class SnapshotTests
{
    public static TheoryData<string> CorpusNames() => new(TestPaths.CorpusNames());

    [Fact]
    public void AdobePass()
    {
        var run = GeneratorHarness.Run(Specs.Ours(), withHttp: true).ThrowIfGeneratorFailed();

        Assert.Contains(run.Single.GeneratedSources, s => s.HintName == "CmuContracts.AdobePass.AdobePass.AdobePassServiceCollectionExtensions.g.cs");
        Assert.All(run.Single.GeneratedSources, s => Assert.StartsWith("CmuContracts.AdobePass.AdobePass.", s.HintName, StringComparison.Ordinal));
        SnapshotVerifier.Verify(run.Result);
    }

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void Corpus(string spec)
    {
        var file = Specs.Corpus(spec);
        var run = GeneratorHarness.Run(file, withHttp: true).ThrowIfGeneratorFailed();

        Assert.NotEmpty(run.Single.GeneratedSources);
        Assert.All(run.Single.GeneratedSources, s => Assert.StartsWith(file.Namespace + "." + Specs.PascalCase(spec) + ".", s.HintName, StringComparison.Ordinal));
        SnapshotVerifier.Verify(run.Result, "spec=" + spec);
    }
}
