using CmuContracts.Generator.Model;
using Xunit;
using static CmuContracts.Generator.Tests.Parsing.ParsingTestSupport;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>Operations, parameters, servers, security and clients.</summary>
public sealed class OperationTests
{
    [Fact]
    public void OperationsFollowPathOrderThenAFixedMethodOrder()
    {
        var model = ParseClean(WithPaths("""
            /b:
              patch: { operationId: bPatch, responses: { '204': { description: ok } } }
              post: { operationId: bPost, responses: { '204': { description: ok } } }
              get: { operationId: bGet, deprecated: true, summary: S, description: D, responses: { '204': { description: ok } } }
            /a:
              delete: { operationId: aDelete, responses: { '204': { description: ok } } }
              put: { operationId: aPut, responses: { '204': { description: ok } } }
            """));

        var operations = Assert.Single(model.Clients).Operations;
        Assert.Equal("BGet GET, BPost POST, BPatch PATCH, APut PUT, ADelete DELETE", string.Join(", ", operations.Select(o => o.Name + " " + o.HttpMethod)));
        Assert.True(operations[0].IsDeprecated);
        Assert.False(operations[1].IsDeprecated);
        Assert.Equal("S", operations[0].Summary);
        Assert.Equal("D", operations[0].Description);
        Assert.Equal("/b", operations[0].Path);
        Assert.Equal("bGet", operations[0].OperationId);
    }

    [Fact]
    public void MissingOperationIdIsGeneratedFromMethodAndPath()
    {
        var result = Parse(WithPaths("""
            /pets/{id}:
              get:
                parameters:
                  - { name: id, in: path, required: true, schema: { type: string } }
                responses: { '204': { description: ok } }
            """));

        var operation = Operation(result.Model!, "GetPetsById");
        Assert.Equal("GetPetsById", operation.OperationId);
        var info = Single(result, "CMU1005");
        AssertAt(info, 6, 4);
        Assert.Equal("GET, /pets/{id}, GetPetsById", string.Join(", ", info.MessageArgs));
    }

    [Fact]
    public void OperationNamesAreUniqueWithinTheirClient()
    {
        var result = Parse(WithPaths("""
            /a:
              get: { operationId: list_items, tags: [one], responses: { '204': { description: ok } } }
            /b:
              get: { operationId: list-items, tags: [one], responses: { '204': { description: ok } } }
            /c:
              get: { operationId: listItems, tags: [two], responses: { '204': { description: ok } } }
            """));

        Assert.Equal("One: ListItems ListItems2 | Two: ListItems", string.Join(" | ", result.Model!.Clients.Select(c => c.Name + ": " + string.Join(" ", c.Operations.Select(o => o.Name)))));
        var collision = Single(result, "CMU1006");
        AssertAt(collision, 8, 24);
        Assert.Equal("list-items, ListItems, ListItems2", string.Join(", ", collision.MessageArgs));
    }

    [Fact]
    public void ServerUrlPrefersOperationThenPathItemThenRootWithVariableDefaults()
    {
        var model = ParseClean(MinimalSpec("""
            servers:
              - url: '{scheme}://api.example.com/{version}'
                variables:
                  scheme: { default: https, enum: [https, http] }
                  version: { default: v2 }
              - url: https://second.example.com
            paths:
              /root:
                get: { operationId: fromRoot, responses: { '204': { description: ok } } }
              /item:
                servers:
                  - url: https://item.example.com
                get: { operationId: fromItem, responses: { '204': { description: ok } } }
                post:
                  operationId: fromOperation
                  servers:
                    - url: https://op.example.com
                  responses: { '204': { description: ok } }
            """));

        Assert.Equal("https://api.example.com/v2", model.DefaultServerUrl);
        Assert.Equal("https://api.example.com/v2", Operation(model, "FromRoot").ServerUrl);
        Assert.Equal("https://item.example.com", Operation(model, "FromItem").ServerUrl);
        Assert.Equal("https://op.example.com", Operation(model, "FromOperation").ServerUrl);
        Assert.Equal("https://api.example.com/v2", model.Clients[0].DefaultServerUrl);
    }

    [Fact]
    public void NoServersMeansNullUrls()
    {
        var model = ParseClean(WithPaths("""
            /a:
              get: { operationId: a, responses: { '204': { description: ok } } }
            """));

        Assert.Null(model.DefaultServerUrl);
        Assert.Null(Operation(model, "A").ServerUrl);
        Assert.Null(model.Clients[0].DefaultServerUrl);
    }

    [Theory]
    [InlineData("1. Configuration", "Configuration")]
    [InlineData("02 - Users", "Users")]
    [InlineData("3.1) Orders", "Orders")]
    [InlineData("4: Billing info", "BillingInfo")]
    [InlineData("3D Models", "_3DModels")]
    [InlineData("2024", "_2024")]
    public void OutlineNumberingOfTagsIsNotPartOfTheClientName(string tag, string client)
    {
        var model = ParseClean(WithPaths("/a:\n  get: { operationId: a, tags: ['" + tag + "'], responses: { '204': { description: ok } } }"));

        Assert.Equal(client, model.Clients.Single().Name);
    }

    [Fact]
    public void ClientsFollowFirstTagsInFirstAppearanceOrder()
    {
        var model = ParseClean(MinimalSpec("""
            servers:
              - url: https://root.example.com
            tags:
              - name: usage reports
                description: CMU reports.
              - name: registration
            paths:
              /r:
                get:
                  operationId: report
                  tags: [usage reports, registration]
                  servers: [{ url: 'https://reports.example.com' }]
                  responses: { '204': { description: ok } }
              /u:
                get: { operationId: untagged, responses: { '204': { description: ok } } }
              /g:
                post: { operationId: register, tags: [registration], responses: { '204': { description: ok } } }
              /r2:
                get: { operationId: report2, tags: [usage reports], responses: { '204': { description: ok } } }
            """), clientName: "Cmu");

        Assert.Equal("UsageReports, Cmu, Registration", string.Join(", ", model.Clients.Select(c => c.Name)));
        Assert.Equal("CMU reports.", model.Clients[0].Description);
        Assert.Null(model.Clients[2].Description);
        Assert.Equal("https://reports.example.com", model.Clients[0].DefaultServerUrl);
        Assert.Equal("https://root.example.com", model.Clients[1].DefaultServerUrl);
        Assert.Equal("Report, Report2", string.Join(", ", model.Clients[0].Operations.Select(o => o.Name)));
        Assert.Equal("Cmu", model.ClientName);
        Assert.Equal("Test.Namespace", model.Namespace);
        Assert.Equal("Test", model.HintPrefix);
        Assert.Equal("Test", model.Title);
        Assert.Equal("1", model.Version);
    }

    [Fact]
    public void SecurityComesFromTheOperationOrTheRoot()
    {
        var model = ParseClean(MinimalSpec("""
            security:
              - oauth: []
            paths:
              /inherited:
                get: { operationId: inherited, responses: { '204': { description: ok } } }
              /none:
                get: { operationId: none, security: [], responses: { '204': { description: ok } } }
              /own:
                get:
                  operationId: own
                  security:
                    - { zeta: [], alpha: [read] }
                    - {}
                  responses: { '204': { description: ok } }
            components:
              securitySchemes:
                oauth:
                  type: oauth2
                  flows: { clientCredentials: { tokenUrl: /token, scopes: {} } }
                basic: { type: http, scheme: basic }
                key: { type: apiKey, in: header, name: X-Api-Key }
            """));

        Assert.Equal("oauth", string.Join("|", Operation(model, "Inherited").Security.Select(r => string.Join(",", r.SchemeNames))));
        Assert.Empty(Operation(model, "None").Security);
        Assert.Equal("alpha,zeta|", string.Join("|", Operation(model, "Own").Security.Select(r => string.Join(",", r.SchemeNames))));
        Assert.Equal(
            "oauth oauth2 - - -|basic http basic - -|key apiKey - header X-Api-Key",
            string.Join("|", model.SecuritySchemes.Select(s => $"{s.Name} {s.Type} {s.Scheme ?? "-"} {s.In ?? "-"} {s.ParameterName ?? "-"}")));
    }

    [Fact]
    public void ParametersMergePathItemAndOperationAndResolveReferences()
    {
        var model = ParseClean(WithPaths("""
            /items/{itemId}:
              parameters:
                - $ref: '#/components/parameters/ItemId'
                - { name: verbose, in: query, schema: { type: boolean }, description: from path item }
              get:
                operationId: getItem
                parameters:
                  - { name: verbose, in: query, schema: { type: integer }, description: from operation }
                  - { name: X-Device-Info, in: header, schema: { type: string } }
                  - { name: tags, in: query, style: pipeDelimited, schema: { type: array, items: { type: string } } }
                  - { name: ids, in: query, style: spaceDelimited, explode: false, schema: { type: array, items: { type: integer } } }
                  - { name: filter, in: query, style: form, explode: true, schema: { type: object, additionalProperties: { type: string } } }
                  - { name: list, in: query, style: form, explode: false, schema: { type: array, items: { type: string } } }
                responses: { '204': { description: ok } }
            """, """
            parameters:
              ItemId:
                name: itemId
                in: path
                description: The item.
                schema: { type: string, format: uuid }
            """));

        var parameters = Operation(model, "GetItem").Parameters;
        Assert.Equal(
            "itemId:Path:Guid:True:Form:False, verbose:Query:Int32:False:Form:True, xDeviceInfo:Header:String:False:Form:False, tags:Query:List<String>:False:PipeDelimited:False, ids:Query:List<Int32>:False:SpaceDelimited:False, filter:Query:Map<String>:False:Form:True, list:Query:List<String>:False:Form:False",
            string.Join(", ", parameters.Select(p => $"{p.Name}:{p.Location}:{ModelDump.Ref(p.Type)}:{p.IsRequired}:{p.Style}:{p.Explode}")));
        Assert.Equal("The item.", parameters[0].Description);
        Assert.Equal("from operation", parameters[1].Description);
        Assert.Equal("X-Device-Info", parameters[2].WireName);
    }

    [Theory]
    [InlineData("style: deepObject, explode: true, schema: { type: object, properties: { a: { type: object, properties: { b: { type: string } } } } }", "a deepObject object")]
    [InlineData("style: deepObject, schema: { type: object, additionalProperties: { type: integer } }", "a deepObject map of int32")]
    [InlineData("style: form, explode: false, schema: { type: object, additionalProperties: { type: string } }", "a non-exploded form map of string")]
    [InlineData("schema: { type: object, properties: { a: { type: array, items: { type: object, properties: { b: { type: string } } } } } }", "an exploded form object")]
    [InlineData("style: form, explode: false, schema: { type: object, properties: { a: { type: string } } }", "a non-exploded form object")]
    [InlineData("schema: { type: array, items: { type: array, items: { type: string } } }", "an exploded form list of arrays")]
    public void QueryShapesARefitInterfaceCannotDeclareAreSkippedWithCMU1004NamingTheShape(string shape, string named)
    {
        var result = Parse(WithPaths($$"""
            /items:
              get:
                operationId: listItems
                parameters:
                  - { name: filter, in: query, {{shape}} }
                responses: { '204': { description: ok } }
            """));

        var diagnostic = Single(result, "CMU1004");
        Assert.StartsWith("The query parameter 'filter' (" + named + "; Refit clients send ", diagnostic.MessageArgs[0], StringComparison.Ordinal);
        Assert.Equal("the optional parameter 'filter'", diagnostic.MessageArgs[1]);
        Assert.Empty(Operation(result.Model!, "ListItems").Parameters);
    }

    [Fact]
    public void ParameterNamesAreEscapedAndNeverCollide()
    {
        var result = Parse(WithPaths("""
            /a:
              get:
                operationId: a
                parameters:
                  - { name: class, in: query, schema: { type: string } }
                  - { name: params, in: query, schema: { type: string } }
                  - { name: body, in: query, schema: { type: string } }
                  - { name: cancellationToken, in: query, schema: { type: string } }
                  - { name: options, in: header, schema: { type: string } }
                  - { name: page-size, in: query, schema: { type: integer } }
                  - { name: page_size, in: header, schema: { type: integer } }
                  - { name: 2fa, in: query, schema: { type: string } }
                requestBody:
                  content:
                    application/json:
                      schema: { type: string }
                responses: { '204': { description: ok } }
            """));

        Assert.Equal(
            "@class, @params, bodyValue, cancellationTokenValue, optionsValue, pageSize, pageSize2, _2fa",
            string.Join(", ", Operation(result.Model!, "A").Parameters.Select(p => p.Name)));

        // The one name that still had to be numbered is reported where the parameter is named.
        var renamed = Single(result, "CMU1006");
        Assert.Equal("page_size, pageSize, pageSize2", string.Join(", ", renamed.MessageArgs));
        AssertAt(renamed, 15, 18);
    }

    [Fact]
    public void ParametersDifferingByAnOperatorSuffixAreNamedForTheirMeaning()
    {
        var result = Parse(WithPaths("""
            /messages:
              get:
                operationId: listMessages
                parameters:
                  - { name: DateSent, in: query, description: Filter by date sent., schema: { type: string, format: date-time } }
                  - { name: DateSent<, in: query, description: Filter by date sent., schema: { type: string, format: date-time } }
                  - { name: DateSent>, in: query, description: Filter by date sent., schema: { type: string, format: date-time } }
                  - { name: StartTime>=, in: query, schema: { type: string, format: date } }
                  - { name: Price<, in: query, schema: { type: number } }
                  - { name: Price<=, in: query, schema: { type: number } }
                  - { name: Count>=, in: query, schema: { type: integer } }
                  - { name: status!, in: query, schema: { type: string } }
                responses: { '204': { description: ok } }
            """));

        Assert.Equal(
            "dateSent, dateSentBefore, dateSentAfter, startTimeOnOrAfter, priceLessThan, priceAtMost, countAtLeast, statusNot",
            string.Join(", ", Operation(result.Model!, "ListMessages").Parameters.Select(p => p.Name)));
        Assert.Equal(
            "DateSent, DateSent<, DateSent>, StartTime>=, Price<, Price<=, Count>=, status!",
            string.Join(", ", Operation(result.Model!, "ListMessages").Parameters.Select(p => p.WireName)));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CMU1006");
    }

    [Fact]
    public void AcceptContentTypeAndAuthorizationHeadersAreIgnoredAsOpenApiRequires()
    {
        var model = ParseClean(WithPaths("""
            /a:
              get:
                operationId: a
                parameters:
                  - { name: Accept, in: header, schema: { type: string } }
                  - { name: content-type, in: header, required: true, schema: { type: string } }
                  - { name: Authorization, in: header, schema: { type: string } }
                  - { name: Accept, in: query, schema: { type: string } }
                responses: { '204': { description: ok } }
            """));

        Assert.Equal("Accept:Query", string.Join(", ", Operation(model, "A").Parameters.Select(p => $"{p.WireName}:{p.Location}")));
    }

    [Fact]
    public void InlineParameterEnumsAreNamedAfterOperationAndParameter()
    {
        var model = ParseClean(WithPaths("""
            /a:
              get:
                operationId: getReport
                parameters:
                  - { name: format, in: query, schema: { type: string, enum: [json, csv] } }
                responses: { '204': { description: ok } }
            """));

        Assert.Equal("GetReportFormat", ModelDump.Ref(Operation(model, "GetReport").Parameters[0].Type));
        Assert.Equal(TypeModelKind.Enum, Type(model, "GetReportFormat").Kind);
    }

    [Fact]
    public void SharedParameterInlineTypesAreNamedAfterTheComponentNotTheFirstOperation()
    {
        var model = ParseClean(MinimalSpec("""
            paths:
              /a:
                get: { operationId: getA, parameters: [ { $ref: '#/components/parameters/format' } ], responses: { '204': { description: ok } } }
              /b:
                get: { operationId: getB, parameters: [ { $ref: '#/components/parameters/format' } ], responses: { '204': { description: ok } } }
            components:
              parameters:
                format: { name: format, in: query, schema: { type: string, enum: [json, csv] } }
            """));

        var format = Type(model, "Format");
        Assert.Equal(TypeModelKind.Enum, format.Kind);
        Assert.DoesNotContain(model.Types, t => t.Name == "GetAFormat");
        Assert.All(model.Clients.Single().Operations, o => Assert.Equal("Format", o.Parameters.Single().Type.Name));
    }

    [Fact]
    public void TagsThatDifferOnlyInCaseShareOneClient()
    {
        var model = ParseClean(WithPaths("""
            /a:
              get: { operationId: getA, tags: [pets], responses: { '204': { description: ok } } }
            /b:
              get: { operationId: getB, tags: [PETS], responses: { '204': { description: ok } } }
            """));

        var client = Assert.Single(model.Clients);
        Assert.Equal("Pets", client.Name);
        Assert.Equal(["GetA", "GetB"], client.Operations.Select(o => o.Name));
    }
}
