using System.Globalization;
using CmuContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CmuContracts.Generator.Tests;

/// <summary>
/// The generated JSON code names its helpers and a few framework types without qualification, and runs inside each
/// model. Schemas, properties and enum values named like any of them must still give code that compiles, with the
/// clashing names changed (and, for types, reported).
/// </summary>
public sealed class ShadowingRegressionTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Shadowing, version: '1' }
        servers: [ { url: 'https://shadowing.example' } ]
        components:
          schemas:
            Internal: { type: object, properties: { a: { type: string } } }
            Utf8JsonReader: { type: object, properties: { a: { type: string } } }
            JsonValueReader: { type: object, properties: { a: { type: string } } }
            GeneratedJsonConverter: { type: object, properties: { a: { type: string } } }
            JsonElement: { type: object, properties: { any: {} } }
            List: { type: object, properties: { items: { type: array, items: { type: string } } } }
            KeyValuePair: { type: object, properties: { map: { type: object, additionalProperties: { type: string } } } }
            Pet: { type: object, properties: { name: { type: string } } }
            PetJson: { type: object, properties: { pet: { $ref: '#/components/schemas/Pet' } } }
            NextString: { type: object, properties: { a: { type: string } } }
            Paged:
              type: object
              required: [next_string]
              properties:
                next: { type: string }
                next_string: { type: string }
                write_property: { type: integer }
                is_property: { type: boolean }
                skip_value: { $ref: '#/components/schemas/Pet' }
            Mode:
              type: string
              enum: [value, is_known, equals, to_string, get_hash_code, '', read_string, write_string]
            Holder:
              type: object
              properties:
                internal: { $ref: '#/components/schemas/Internal' }
                reader: { $ref: '#/components/schemas/Utf8JsonReader' }
                helper: { $ref: '#/components/schemas/JsonValueReader' }
                converter: { $ref: '#/components/schemas/GeneratedJsonConverter' }
                element: { $ref: '#/components/schemas/JsonElement' }
                list: { $ref: '#/components/schemas/List' }
                pair: { $ref: '#/components/schemas/KeyValuePair' }
                petJson: { $ref: '#/components/schemas/PetJson' }
                helperNamed: { $ref: '#/components/schemas/NextString' }
                paged: { $ref: '#/components/schemas/Paged' }
                modes: { type: array, items: { $ref: '#/components/schemas/Mode' } }
        paths:
          /holders:
            get:
              operationId: getHolder
              responses:
                '200':
                  description: ok
                  content:
                    application/json: { schema: { $ref: '#/components/schemas/Holder' } }
        """;

    private static readonly Lazy<GeneratorRun> Generated = new(() =>
        GeneratorHarness.Run(new SpecFile("/specs/shadowing.openapi.yaml", Spec, "Shadowing.Api")).ThrowIfGeneratorFailed());

    [Fact]
    public void ParametersNamedLikeTheRequestBuildersOwnCompileUnderNewNames()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Builder names, version: '1' }
            servers: [ { url: 'https://builder.example' } ]
            paths:
              /search/{path}:
                get:
                  operationId: search
                  parameters:
                    - { name: path, in: path, required: true, schema: { type: string } }
                    - { name: query, in: query, schema: { type: string } }
                    - { name: settings, in: query, schema: { type: string } }
                    - { name: request, in: query, schema: { type: string } }
                    - { name: operationId, in: query, schema: { type: string } }
                    - { name: security, in: query, schema: { type: string } }
                    - { name: methodName, in: query, schema: { type: string } }
                    - { name: useDefaultFormatting, in: query, schema: { type: boolean } }
                    - { name: accept, in: query, schema: { type: string } }
                  responses: { '204': { description: ok } }
            """;
        var run = GeneratorHarness.Run(new SpecFile("/specs/builder.openapi.yaml", spec, "Builder.Api")).ThrowIfGeneratorFailed();

        Assert.True(run.CompilationDiagnostics().IsEmpty, string.Join("\n", run.CompilationDiagnostics()));
        var client = run.Single.GeneratedSources.Single(s => s.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        foreach (var name in new[] { "path", "query", "settings", "request", "operationId", "security", "methodName", "accept" })
        {
            // Renamed in C#, still sent under the spec's name.
            Assert.Contains(" " + name + "Value", client, StringComparison.Ordinal);
            Assert.Contains("AliasAs(\"" + name + "\")", client, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SchemasNamedLikeTheGeneratedHelpersCompileUnderNewNames()
    {
        Assert.True(Generated.Value.CompilationDiagnostics().IsEmpty, string.Join("\n", Generated.Value.CompilationDiagnostics()));

        var renamed = Generated.Value.GeneratorDiagnostics.Where(d => d.Id == "CMU1006").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        foreach (var name in new[] { "Internal", "Utf8JsonReader", "JsonValueReader", "GeneratedJsonConverter", "NextString" })
        {
            Assert.Contains(renamed, m => m.Contains("'" + name + "'", StringComparison.Ordinal));
        }

        var models = Source(".Models.g.cs");
        Assert.Contains("public sealed partial class InternalModel", models, StringComparison.Ordinal);
        Assert.Contains("public sealed partial class Utf8JsonReaderModel", models, StringComparison.Ordinal);
    }

    [Fact]
    public void PropertiesNamedLikeTheHelpersTheModelCallsAreRenamedAndCommonNamesAreKept()
    {
        var models = Source(".Models.g.cs");

        Assert.Contains("public sealed partial class NextStringModel\n", models, StringComparison.Ordinal);
        Assert.Contains("public required string NextString2 { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public int? WriteProperty2 { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public bool? IsProperty2 { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public Pet? SkipValue2 { get; init; }", models, StringComparison.Ordinal);
        // Next<T> is only ever called with a type argument, which no property shadows: "next" keeps its name.
        Assert.Contains("public string? Next { get; init; }", models, StringComparison.Ordinal);
        // A schema named like another type's JSON class once was (PetJson) is an ordinary name now.
        Assert.Contains("public sealed partial class PetJson\n", models, StringComparison.Ordinal);
    }

    [Fact]
    public void SchemasNamedLikeFrameworkTypesKeepTheirNames()
    {
        var models = Source(".Models.g.cs");

        // Generated types outrank imported ones, and the collections we name are generic (no schema is).
        Assert.Contains("public sealed partial class JsonElement\n", models, StringComparison.Ordinal);
        Assert.Contains("public sealed partial class List\n", models, StringComparison.Ordinal);
        Assert.Contains("public sealed partial class KeyValuePair\n", models, StringComparison.Ordinal);
        Assert.Contains("public IReadOnlyList<string>? Items { get; init; }", models, StringComparison.Ordinal);
    }

    [Fact]
    public void EnumValuesNamedLikeTheEnumStructsOwnMembersOrHelpersAreRenamed()
    {
        var models = Source(".Models.g.cs");

        foreach (var member in new[] { "Value2", "IsKnown2", "Equals2", "ToString2", "GetHashCode2", "ReadString2", "WriteString2" })
        {
            Assert.Contains("public static Mode " + member + " { get; }", models, StringComparison.Ordinal);
        }
    }

    private static string Source(string hintSuffix) =>
        Assert.Single(Generated.Value.Single.GeneratedSources, s => s.HintName.EndsWith(hintSuffix, StringComparison.Ordinal)).SourceText.ToString();
}
