using CmuContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CmuContracts.Generator.Tests;

/// <summary>
/// A spec with the construct that OpenAI's published description has and YamlDotNet refuses: an <c>example: |+</c>
/// whose only line is spaces (YAML 1.2, 8.1.1.1). It is read, and its client is generated and compiles.
/// </summary>
public sealed class KeptBlockScalarSpecTests
{
    // Built line by line: the example's only line is 16 spaces, which an editor or a raw string would not keep visible.
    private static readonly string Spec = string.Join("\n",
        "openapi: 3.1.0",
        "info:",
        "  title: Notes",
        "  version: '1'",
        "paths:",
        "  /notes/{id}:",
        "    get:",
        "      operationId: getNote",
        "      parameters:",
        "        - name: id",
        "          in: path",
        "          required: true",
        "          schema:",
        "            type: string",
        "      responses:",
        "        '200':",
        "          description: The note",
        "          content:",
        "            application/json:",
        "              schema:",
        "                $ref: '#/components/schemas/Note'",
        "components:",
        "  schemas:",
        "    Note:",
        "      type: object",
        "      properties:",
        "        text:",
        "          anyOf:",
        "            - type: string",
        "              example: |+",
        "                ",
        "            - type: 'null'",
        "        title:",
        "          type: string",
        string.Empty);

    [Fact]
    public void SpecWithAKeptBlockOfOnlySpacesGeneratesAClientThatCompiles()
    {
        Assert.Contains("example: |+\n" + new string(' ', 16) + "\n", Spec, StringComparison.Ordinal);

        var run = GeneratorHarness.Run(new SpecFile("/specs/notes.openapi.yaml", Spec, "Notes"), withHttp: true).ThrowIfGeneratorFailed();

        Assert.DoesNotContain(run.Result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var sources = run.Single.GeneratedSources.Select(s => s.SourceText.ToString()).ToList();
        Assert.Contains(sources, s => s.Contains("GetNote", StringComparison.Ordinal));
        Assert.Contains(sources, s => s.Contains("class Note", StringComparison.Ordinal) && s.Contains(" Text ", StringComparison.Ordinal));
        var problems = run.CompilationDiagnostics();
        Assert.True(problems.IsEmpty, string.Join("\n", problems.Take(20)));
    }
}
