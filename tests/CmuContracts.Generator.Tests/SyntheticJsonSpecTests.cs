using System.Text;
using CmuContracts.Benchmarks;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Parsing;
using CmuContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CmuContracts.Generator.Tests;

/// <summary>The benchmark's public-API-like JSON spec is deterministic, about 2 MB, read alike by the JSON and the YAML reader, and clean.</summary>
public sealed class SyntheticJsonSpecTests
{
    private const string JsonPath = "/specs/synthetic-public.openapi.json";

    [Fact]
    public void SameSeedGivesTheSameSpecAnotherSeedDoesNot()
    {
        Assert.Equal(SyntheticJsonSpecBuilder.Build().Json, SyntheticJsonSpecBuilder.Build().Json);
        Assert.NotEqual(SyntheticJsonSpecBuilder.Build().Json, SyntheticJsonSpecBuilder.Build(seed: 7).Json);
    }

    [Fact]
    public void TheSpecIsAboutTwoMegabytesWithHundredsOfFormOperationsAndParsesWithoutWarnings()
    {
        var spec = SyntheticJsonSpecBuilder.Build();
        var bytes = Encoding.UTF8.GetByteCount(spec.Json);
        Assert.InRange(bytes, 1_700_000, 2_400_000);
        Assert.True(spec.OperationCount >= 300, $"{spec.OperationCount} operations");

        var json = SpecParser.Parse(new SpecInput(JsonPath, spec.Json, "Synthetic", "Synthetic", "Synthetic.Synthetic"), CancellationToken.None);
        var yaml = SpecParser.Parse(new SpecInput(Path.ChangeExtension(JsonPath, ".yaml"), spec.Json, "Synthetic", "Synthetic", "Synthetic.Synthetic"), CancellationToken.None);

        Assert.DoesNotContain(json.Diagnostics, d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity >= DiagnosticSeverity.Warning);
        var model = Assert.IsType<ApiModel>(json.Model);
        Assert.Equal(spec.OperationCount, model.Clients.Sum(c => c.Operations.Count));
        Assert.Equal(spec.OperationCount * 2 / 5, model.Clients.SelectMany(c => c.Operations).Count(o => o.Body?.Kind == MediaKind.Form));
        Assert.Equal(yaml.Model, json.Model);
        Assert.Equal(Parsing.ParsingTestSupport.Describe(yaml.Diagnostics), Parsing.ParsingTestSupport.Describe(json.Diagnostics));
    }

    [Fact]
    public void TheGeneratedClientCompiles()
    {
        var spec = SyntheticJsonSpecBuilder.Build(resources: 12);
        var run = GeneratorHarness.Run(new SpecFile(JsonPath, spec.Json, "Synthetic"), withHttp: true).ThrowIfGeneratorFailed();

        Assert.DoesNotContain(run.Result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var problems = run.CompilationDiagnostics();
        Assert.True(problems.IsEmpty, string.Join("\n", problems.Take(20)));
    }
}
