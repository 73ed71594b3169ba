using CmuContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CmuContracts.Generator.Tests;

/// <summary>
/// Naming and documentation defects seen on real public specs, each reproduced on a minimal spec of our own
/// and checked in the generated code, which must compile with documentation diagnostics on.
/// </summary>
public sealed class NamingRegressionTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Naming, version: '1' }
        servers: [ { url: 'https://naming.example' } ]
        tags:
          - name: 1. Configuration
        components:
          parameters:
            Window:
              name: window
              in: query
              description: The reporting window. This text is long on purpose, as the shared parameter texts of real specs are, so that writing it once matters for the size of the generated file.
              schema: { type: string }
          schemas:
            Status:
              type: string
              description: Where the message is in its delivery.
              enum: [queued, sent]
            Message:
              type: object
              properties:
                status: { $ref: '#/components/schemas/Status' }
        paths:
          /messages:
            get:
              operationId: listMessages
              tags: [1. Configuration]
              parameters:
                - $ref: '#/components/parameters/Window'
                - { name: AP-Device-Identifier, in: header, schema: { type: string } }
                - { name: DateSent, in: query, schema: { type: string, format: date-time } }
                - { name: DateSent<, in: query, schema: { type: string, format: date-time } }
                - { name: DateSent>, in: query, schema: { type: string, format: date-time } }
              responses:
                '200':
                  description: ok
                  content:
                    application/json: { schema: { $ref: '#/components/schemas/Message' } }
          /messages/count:
            get:
              operationId: countMessages
              tags: [1. Configuration]
              parameters:
                - $ref: '#/components/parameters/Window'
              responses: { '204': { description: ok } }
        """;

    private static readonly Lazy<GeneratorRun> Generated = new(() =>
        GeneratorHarness.Run(new SpecFile("/specs/naming.openapi.yaml", Spec, "Naming.Api")).ThrowIfGeneratorFailed());

    [Fact]
    public void ANumberedTagNamesTheClientWithoutItsNumber()
    {
        var client = Source(".ConfigurationClient.g.cs");

        Assert.Contains("public partial interface IConfigurationClient", client, StringComparison.Ordinal);
        Assert.DoesNotContain("_1Configuration", client, StringComparison.Ordinal);
    }

    [Fact]
    public void AHeaderWithALeadingAcronymBecomesALowerCaseAcronym()
    {
        var client = Source(".ConfigurationClient.g.cs");

        Assert.Contains("[global::Refit.Header(\"AP-Device-Identifier\")] string? apDeviceIdentifier = null", client, StringComparison.Ordinal);
    }

    [Fact]
    public void OperatorSuffixedParametersAreNamedForTheirMeaning()
    {
        var client = Source(".ConfigurationClient.g.cs");

        Assert.Contains("[global::Refit.AliasAs(\"DateSent<\")]", client, StringComparison.Ordinal);
        Assert.Contains("dateSentBefore = null", client, StringComparison.Ordinal);
        Assert.Contains("[global::Refit.AliasAs(\"DateSent>\")]", client, StringComparison.Ordinal);
        Assert.Contains("dateSentAfter = null", client, StringComparison.Ordinal);
        Assert.DoesNotContain("dateSent2", client, StringComparison.Ordinal);
        Assert.DoesNotContain(Generated.Value.GeneratorDiagnostics, d => d.Id == "CMU1006");
    }

    [Fact]
    public void AnEnumTypedPropertyIsDocumentedByItsEnumSchema()
    {
        var models = Source(".Models.g.cs");
        var status = models.Substring(0, models.IndexOf("Status? Status { get; init; }", StringComparison.Ordinal));
        var summary = status.Substring(status.LastIndexOf("<summary>", StringComparison.Ordinal));

        Assert.Contains("Where the message is in its delivery.", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("The <c>status</c> property.", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ALongSharedParameterTextIsWrittenOnceAndInheritedWhereItRepeats()
    {
        var client = Source(".ConfigurationClient.g.cs");

        Assert.Equal(1, Count(client, "The reporting window. This text is long on purpose"));
        Assert.Contains(
            "/// <param name=\"window\"><inheritdoc cref=\"ListMessagesAsync\" path=\"/param[@name='window']/node()\"/></param>",
            client,
            StringComparison.Ordinal);

        // Documentation diagnostics are on in the harness: every parameter still has its <param> tag (no CS1573) and every cref resolves.
        Assert.True(Generated.Value.CompilationDiagnostics().IsEmpty, string.Join("\n", Generated.Value.CompilationDiagnostics()));
    }

    private static string Source(string hintSuffix) =>
        Assert.Single(Generated.Value.Single.GeneratedSources, s => s.HintName.EndsWith(hintSuffix, StringComparison.Ordinal)).SourceText.ToString();

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
