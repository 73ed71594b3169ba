using CmuContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CmuContracts.Generator.Tests;

/// <summary>
/// The generated code of every spec compiles with zero warnings and zero errors under nullable enable, the
/// latest language version and every warning reported as an error; with Microsoft.Extensions.Http referenced
/// (DI registration emitted) and without it (not emitted).
/// </summary>
public sealed class CompileTests
{
    private const string ServiceCollectionPart = "ServiceCollectionExtensions.g.cs";

    public static TheoryData<string, bool> AllSpecs()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in Specs.AllNames())
        {
            data.Add(name, true);
            data.Add(name, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllSpecs))]
    public void GeneratedCodeCompilesWithoutWarnings(string spec, bool withHttp)
    {
        var run = GeneratorHarness.Run(Specs.ByName(spec), withHttp).ThrowIfGeneratorFailed();

        var generatorErrors = run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(generatorErrors.Count == 0, "Generator errors:\n" + string.Join("\n", generatorErrors.Select(SnapshotVerifier.Describe)));
        Assert.NotEmpty(run.Single.GeneratedSources);

        var problems = run.CompilationDiagnostics();
        Assert.True(problems.IsEmpty, $"{problems.Length} compiler diagnostics in the generated code of {spec} (withHttp: {withHttp}):\n"
            + string.Join("\n", problems.Take(40).Select(d => d.ToString())));
    }

    [Theory]
    [MemberData(nameof(AllSpecs))]
    public void DependencyInjectionRegistrationOnlyWithMicrosoftExtensionsHttp(string spec, bool withHttp)
    {
        var run = GeneratorHarness.Run(Specs.ByName(spec), withHttp).ThrowIfGeneratorFailed();

        var hasRegistration = run.Single.GeneratedSources.Any(s => s.HintName.EndsWith(ServiceCollectionPart, StringComparison.Ordinal));
        Assert.Equal(withHttp, hasRegistration);
    }

    [Theory]
    [InlineData("\\u2028")]
    [InlineData("\\u2029")]
    [InlineData("\\u0085")]
    [InlineData("\\r")]
    [InlineData("\\n")]
    public void TextWithCSharpLineBreaksStaysInsideCommentsAndLiterals(string yamlEscape)
    {
        // YAML double-quoted escapes decode to characters that C# treats as line breaks; they reach comments
        // (title, descriptions) and string literals (operationId, property names, enum values, server URL).
        var x = "x" + yamlEscape + "y = 1; */";
        var spec = $$"""
            openapi: 3.0.3
            info: { title: "{{x}}", version: "{{x}}", description: "{{x}}" }
            servers: [ { url: "https://h.example/{{x}}" } ]
            paths:
              /a:
                get:
                  operationId: "get{{x}}"
                  summary: "{{x}}"
                  description: "{{x}}"
                  parameters:
                    - { name: "q{{x}}", in: query, description: "{{x}}", schema: { type: string } }
                  responses:
                    '200':
                      description: "{{x}}"
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/S' }
            components:
              schemas:
                S:
                  type: object
                  description: "{{x}}"
                  properties:
                    "p{{x}}": { type: string, description: "{{x}}", enum: [ "v{{x}}" ] }
            """;
        var run = GeneratorHarness.Run(new[] { new SpecFile("/specs/breaks.openapi.yaml", spec, "Breaks") }).ThrowIfGeneratorFailed();

        var models = Assert.Single(run.Single.GeneratedSources, s => s.HintName.EndsWith(".Models.g.cs", StringComparison.Ordinal));
        Assert.Contains("public sealed partial class S", models.SourceText.ToString(), StringComparison.Ordinal);
        var problems = run.CompilationDiagnostics();
        Assert.True(problems.IsEmpty, string.Join("\n", problems.Take(20).Select(d => d.ToString())));
    }
}
