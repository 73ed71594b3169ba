using CmuContracts.Benchmarks;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Parsing;
using CmuContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CmuContracts.Generator.Tests;

/// <summary>The benchmark's synthetic large spec is deterministic, as large as it claims, and clean for the generator.</summary>
public sealed class SyntheticSpecTests
{
    [Fact]
    public void SameSeedGivesTheSameSpecAnotherSeedDoesNot()
    {
        Assert.Equal(SyntheticSpecBuilder.Build().Yaml, SyntheticSpecBuilder.Build().Yaml);
        Assert.NotEqual(SyntheticSpecBuilder.Build().Yaml, SyntheticSpecBuilder.Build(seed: 7).Yaml);
    }

    [Fact]
    public void TheParserSeesEveryDeclaredOperationAndSchemaWithoutDiagnostics()
    {
        var spec = SyntheticSpecBuilder.Build();
        Assert.True(spec.OperationCount >= 500, $"{spec.OperationCount} operations");
        Assert.True(spec.SchemaCount >= 1000, $"{spec.SchemaCount} schemas");

        var result = SpecParser.Parse(new SpecInput("/specs/synthetic.openapi.yaml", spec.Yaml, "Synthetic", "Synthetic", "Synthetic.Synthetic"), CancellationToken.None);

        Assert.Empty(result.Diagnostics);
        var model = Assert.IsType<ApiModel>(result.Model);
        Assert.Equal(spec.OperationCount, model.Clients.Sum(c => c.Operations.Count));
        Assert.Equal(spec.TagCount, model.Clients.Count);

        // Every schema is declared; the model keeps those reachable from an operation (and inline enums of parameters).
        var declared = spec.Yaml.Split('\n').Count(l => l.StartsWith("    ", StringComparison.Ordinal) && !l.StartsWith("     ", StringComparison.Ordinal) && l.EndsWith(':') && (l.TrimStart().StartsWith("Entity", StringComparison.Ordinal) || l.TrimStart().StartsWith("Kind", StringComparison.Ordinal) || l.Trim() == "Problem:"));
        Assert.Equal(spec.SchemaCount, declared);
        Assert.True(model.Types.Count >= 500, $"only {model.Types.Count} types reached the model");
    }

    [Fact]
    public void TheGeneratedClientCompiles()
    {
        var spec = SyntheticSpecBuilder.Build(operationPairs: 40, objectSchemas: 150, enumSchemas: 20, tags: 5);
        var run = GeneratorHarness.Run(new SpecFile("/specs/synthetic.openapi.yaml", spec.Yaml, "Synthetic"), withHttp: true).ThrowIfGeneratorFailed();

        Assert.DoesNotContain(run.Result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var problems = run.CompilationDiagnostics();
        Assert.True(problems.IsEmpty, string.Join("\n", problems.Take(20)));
    }
}
