using CmuContracts.Generator.Tests.Differential;
using CmuContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CmuContracts.Generator.Refit17.Tests;

/// <summary>
/// This project really runs on Refit 17, and the generator writes the Refit 17 form of the calls that differ from
/// 16.4 (detected from the referenced Refit), so the linked compile and differential tests prove the 17 path.
/// </summary>
public sealed class Refit17SurfaceTests
{
    [Fact]
    public void TheLinkedTestsRunAgainstRefit17AndItsOwnGenerator()
    {
        Assert.StartsWith("17.", RefitPackage.Version, StringComparison.Ordinal);
        Assert.Equal(17, typeof(Refit.RestService).Assembly.GetName().Version!.Major);
        Assert.Contains(Path.Combine("refit", RefitPackage.Version), RefitPackage.GeneratorPath, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(Type.GetType("Refit.FormFieldNames, Refit"));
    }

    [Fact]
    public void OurSpecGetsClientsWithRefit17FormFieldNamesAndNoCmu1012()
    {
        var run = GeneratorHarness.Run(Specs.Ours()).ThrowIfGeneratorFailed();

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CMU1012");
        var token = Assert.Single(run.Single.GeneratedSources, s => s.HintName.EndsWith(".TokenClient.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("new global::Refit.FormFieldNames(\"grant_type\", null, null, null)", token, StringComparison.Ordinal);
        Assert.True(run.CompilationDiagnostics().IsEmpty, string.Join("\n", run.CompilationDiagnostics().Take(20)));
    }
}
