using CmuContracts.Generator.Model;
using CmuContracts.Generator.Tests.Infrastructure;
using Xunit;
using static CmuContracts.Generator.Tests.Parsing.ParsingTestSupport;

namespace CmuContracts.Generator.Tests.Diagnostics;

/// <summary>
/// What the parser reports about one part of a spec it cannot use (a reference, a parameter, a body, a name, a value
/// of the wrong shape), where it points, and that it skips only that part: the property, parameter or operation.
/// </summary>
public sealed class SkippedPartDiagnosticTests
{
    [Fact]
    public void ExternalAndMissingReferencesAreCmu1003AndSkipOnlyTheProperty()
    {
        var result = Parse(WithSchemas("""
            Holder:
              type: object
              properties:
                external:
                  $ref: 'common.yaml#/components/schemas/Thing'
                missing:
                  $ref: '#/components/schemas/Nope'
                fine:
                  type: string
            """));

        Assert.Equal("fine", string.Join(", ", Type(result.Model!, "Holder").Properties.Select(p => p.JsonName)));
        var diagnostics = result.Diagnostics.Where(d => d.Id == "CMU1003").ToList();
        Assert.Equal(2, diagnostics.Count);
        AssertAt(diagnostics[0], 17, 16);
        Assert.Equal("common.yaml#/components/schemas/Thing", diagnostics[0].MessageArgs[0]);
        Assert.Equal("the property 'external' of 'Holder'", diagnostics[0].MessageArgs[2]);
        AssertAt(diagnostics[1], 19, 16);
        Assert.Contains("'Nope' does not exist", diagnostics[1].MessageArgs[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AliasCycleIsCmu1003()
    {
        var result = Parse(WithSchemas("""
            A:
              $ref: '#/components/schemas/B'
            B:
              $ref: '#/components/schemas/A'
            Holder:
              type: object
              properties:
                a:
                  $ref: '#/components/schemas/A'
                ok:
                  type: string
            """));

        Assert.NotNull(result.Model);
        Assert.Contains(result.Diagnostics, d => d.Id == "CMU1003" && d.MessageArgs[1].Contains("cycle", StringComparison.Ordinal));
        Assert.Equal("ok", string.Join(", ", Type(result.Model!, "Holder").Properties.Select(p => p.JsonName)));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CMU1009");
    }

    [Fact]
    public void ResponseReferenceCycleSkipsTheOperation()
    {
        var result = Parse(WithPaths("""
            /a:
              get:
                operationId: loop
                responses:
                  '200': { $ref: '#/components/responses/A' }
            /b:
              get: { operationId: fine, responses: { '204': { description: ok } } }
            """, """
            responses:
              A: { $ref: '#/components/responses/B' }
              B: { $ref: '#/components/responses/A' }
            """));

        var diagnostic = Single(result, "CMU1003");
        Assert.Equal("the operation GET /a", diagnostic.MessageArgs[2]);
        Assert.Equal("Fine", Assert.Single(result.Model!.Clients.SelectMany(c => c.Operations)).Name);
    }

    [Fact]
    public void OptionalCookieParameterIsSkippedWithCmu1004()
    {
        var result = Parse(WithPaths("""
            /a:
              get:
                operationId: a
                parameters:
                  - { name: session, in: cookie, schema: { type: string } }
                  - { name: q, in: query, schema: { type: string } }
                responses: { '204': { description: ok } }
            """));

        var diagnostic = Single(result, "CMU1004");
        AssertAt(diagnostic, 9, 31);
        Assert.Equal("the optional parameter 'session'", diagnostic.MessageArgs[1]);
        Assert.Equal("q", Assert.Single(Operation(result.Model!, "A").Parameters).Name);
    }

    [Theory]
    [InlineData("- { name: session, in: cookie, required: true, schema: { type: string } }", 10, 31)]
    [InlineData("- { name: filter, in: query, required: true, content: { application/json: { schema: { type: object } } } }", 10, 53)]
    [InlineData("- { name: id, in: path, style: matrix, schema: { type: string } }", 10, 39)]
    [InlineData("- { name: q, in: query, required: true, style: tabDelimited, schema: { type: string } }", 10, 55)]
    public void RequiredUnsupportedParameterSkipsTheOperationWithCmu1004(string parameter, int line, int column)
    {
        var result = Parse(WithPaths("/a/{id}:\n  get:\n    operationId: a\n    parameters:\n      - { name: id, in: path, required: true, schema: { type: string } }\n" + Indent(parameter, 6)
            + "    responses: { '204': { description: ok } }\n/b:\n  get: { operationId: b, responses: { '204': { description: ok } } }\n"));

        var diagnostic = Single(result, "CMU1004");
        AssertAt(diagnostic, line, column);
        Assert.Equal("the operation GET /a/{id}", diagnostic.MessageArgs[1]);
        Assert.Equal("B", Assert.Single(result.Model!.Clients.SelectMany(c => c.Operations)).Name);
    }

    [Fact]
    public void OptionalContentParameterIsSkipped()
    {
        var result = Parse(WithPaths("""
            /a:
              get:
                operationId: a
                parameters:
                  - { name: filter, in: query, content: { application/json: { schema: { type: object } } } }
                responses: { '204': { description: ok } }
            """));

        Assert.Equal("the optional parameter 'filter'", Single(result, "CMU1004").MessageArgs[1]);
        Assert.Empty(Operation(result.Model!, "A").Parameters);
    }

    [Theory]
    [InlineData("multipart/form-data: { schema: { type: object } }", 10, 10)]
    [InlineData("application/x-www-form-urlencoded: { schema: { type: string } }", 10, 10)]
    public void UnsendableBodySkipsTheOperationWithCmu1004(string content, int line, int column)
    {
        var result = Parse(WithPaths("/a:\n  post:\n    operationId: a\n    requestBody:\n      content:\n" + Indent(content, 8) + "    responses: { '204': { description: ok } }\n"));

        var diagnostic = Single(result, "CMU1004");
        AssertAt(diagnostic, line, column);
        Assert.Equal("the operation POST /a", diagnostic.MessageArgs[1]);
        Assert.Empty(result.Model!.Clients);
    }

    [Fact]
    public void PathVariableWithoutParameterSkipsTheOperation()
    {
        var result = Parse(WithPaths("""
            /a/{id}:
              get: { operationId: a, responses: { '204': { description: ok } } }
            """));

        var diagnostic = Single(result, "CMU1004");
        AssertAt(diagnostic, 5, 2);
        Assert.Contains("{id}", diagnostic.MessageArgs[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ApiException", "ApiExceptionModel")]
    [InlineData("ApiResponse", "ApiResponseModel")]
    [InlineData("ShopJsonContext", "ShopJsonContextModel")]
    [InlineData("ShopJson", "ShopJsonModel")]
    [InlineData("ShopServiceCollectionExtensions", "ShopServiceCollectionExtensionsModel")]
    [InlineData("ShopOperations", "ShopOperationsModel")]
    [InlineData("PetsClient", "PetsClientModel")]
    [InlineData("IPetsClient", "IPetsClientModel")]
    [InlineData("ShopClient", "ShopClientModel")]
    public void ReservedTypeNamesAreRenamedWithCmu1006(string schemaName, string expected)
    {
        var result = Parse(MinimalSpec($$"""
            paths:
              /a:
                get: { operationId: a, tags: [pets], responses: { '204': { description: ok } } }
              /b:
                get: { operationId: b, responses: { '204': { description: ok } } }
            components:
              schemas:
                {{schemaName}}:
                  type: object
                  properties:
                    x: { type: string }
            """), clientName: "Shop");

        Assert.Equal(expected, Assert.Single(result.Model!.Types).Name);
        var diagnostic = Single(result, "CMU1006");
        AssertAt(diagnostic, 11, 4);
        Assert.Equal($"{schemaName}, {schemaName}, {expected}", string.Join(", ", diagnostic.MessageArgs));
    }

    [Fact]
    public void SchemasWithTheSameCSharpNameGetNumericSuffixesWithCmu1006()
    {
        var result = Parse(WithSchemas("""
            pet:
              type: object
              properties: { a: { type: string } }
            Pet:
              type: object
              properties: { a: { type: string } }
            PET:
              type: string
              enum: [x]
            Holder:
              type: object
              properties:
                ref2:
                  $ref: '#/components/schemas/Pet'
            """));

        Assert.Equal("Pet, Pet2, PET3, Holder", string.Join(", ", result.Model!.Types.Select(t => t.Name)));
        Assert.Equal("Pet2", PropertyType(result.Model!, "Holder", "ref2"));
        var diagnostics = result.Diagnostics.Where(d => d.Id == "CMU1006").ToList();
        Assert.Equal(2, diagnostics.Count);
        AssertAt(diagnostics[0], 16, 4);
        Assert.Equal("Pet, Pet, Pet2", string.Join(", ", diagnostics[0].MessageArgs));
        AssertAt(diagnostics[1], 19, 4);
    }

    [Fact]
    public void WrongShapeIsCmu1007AndSkipsOnlyTheAffectedPart()
    {
        var result = Parse(WithPaths("""
            /a:
              get:
                operationId: a
                parameters: { not: a list }
                responses: { '204': { description: ok } }
            /b:
              get:
                operationId: b
                parameters:
                  - { name: q, in: query, required: maybe, schema: { type: string } }
                responses: { '204': { description: ok } }
            /c:
              get:
                operationId: c
                responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Holder' } } } } }
            """, """
            schemas:
              Holder:
                type: object
                properties:
                  bad:
                    type: 5
                  list:
                    - not a schema
                  good:
                    type: string
            """));

        var diagnostics = result.Diagnostics.Where(d => d.Id == "CMU1007").ToList();
        Assert.Equal(4, diagnostics.Count);
        AssertAt(diagnostics[0], 26, 16);
        Assert.Equal("type, one of string, number, integer, boolean, array, object or null, the property 'bad' of 'Holder'", string.Join(", ", diagnostics[0].MessageArgs));
        AssertAt(diagnostics[1], 28, 10);
        AssertAt(diagnostics[2], 8, 18);
        Assert.Equal("parameters, a list, the operation GET /a", string.Join(", ", diagnostics[2].MessageArgs));
        AssertAt(diagnostics[3], 14, 42);
        Assert.Equal("required, true or false, the operation GET /b", string.Join(", ", diagnostics[3].MessageArgs));

        Assert.Equal("C", Assert.Single(result.Model!.Clients.SelectMany(c => c.Operations)).Name);
        Assert.Equal("good", Assert.Single(Type(result.Model!, "Holder").Properties).JsonName);
    }
}
