using CmuContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CmuContracts.Generator.Roslyn48.Tests;

/// <summary>
/// A compiler loads a generator built against its own Roslyn or an older one: the generator is built against 4.8 so
/// the .NET 8 SDK and Visual Studio 17.8 load it. Here it runs in a Roslyn 4.8 <see cref="CSharpGeneratorDriver"/>.
/// </summary>
public sealed class Roslyn48GeneratorTests
{
    private static readonly Version Roslyn48 = new(4, 8, 0, 0);

    [Fact]
    public void TheDriverIsRoslyn48AndTheGeneratorReferencesNoNewerRoslyn()
    {
        Assert.Equal(Roslyn48, typeof(CSharpGeneratorDriver).Assembly.GetName().Version);
        Assert.Equal(Roslyn48, typeof(Compilation).Assembly.GetName().Version);

        var roslyn = typeof(OpenApiClientGenerator).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name is not null && a.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(roslyn);
        Assert.All(roslyn, a => Assert.True(a.Version <= Roslyn48, $"{a.Name} {a.Version} is newer than Roslyn 4.8"));
    }

    [Theory]
    [InlineData("adobe-pass")]      // YAML, three clients, DI extensions
    [InlineData("parcel-tracking")] // JSON (the System.Text.Json reader)
    public void ARoslyn48DriverGeneratesCompilingClientsWithoutDiagnostics(string spec)
    {
        var run = GeneratorHarness.Run(Specs.ByName(spec)).ThrowIfGeneratorFailed();

        Assert.True(run.GeneratorDiagnostics.IsEmpty, string.Join("\n", run.GeneratorDiagnostics));
        var hints = run.Single.GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains(hints, h => h.EndsWith("RefitRegistration.g.cs", StringComparison.Ordinal));
        Assert.Contains(hints, h => h.EndsWith("ServiceCollectionExtensions.g.cs", StringComparison.Ordinal));
        Assert.True(hints.Count(h => h.EndsWith("Client.g.cs", StringComparison.Ordinal)) >= (spec == "adobe-pass" ? 3 : 1), string.Join(", ", hints));

        // Roslyn 4.8's latest language is C# 12: what a net8.0 project compiles generated code with.
        Assert.Equal(LanguageVersion.CSharp12, GeneratorHarness.ParseOptions.LanguageVersion.MapSpecifiedToEffectiveVersion());
        var problems = run.CompilationDiagnostics();
        Assert.True(problems.IsEmpty, string.Join("\n", problems.Take(20)));
    }
}
