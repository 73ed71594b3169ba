using CmuContracts.Generator.Model;
using Xunit;
using static CmuContracts.Generator.Tests.Parsing.ParsingTestSupport;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>Request bodies and responses: media type choice, success, text alternatives, errors, references.</summary>
public sealed class BodyAndResponseTests
{
    private static string Body(string content) =>
        WithPaths("/a:\n  post:\n    operationId: send\n    requestBody:\n      required: true\n      description: The thing.\n      content:\n"
            + Indent(content, 8) + "    responses: { '204': { description: ok } }\n", "schemas:\n  Form:\n    type: object\n    properties:\n      a: { type: string }\n");

    [Theory]
    [InlineData("application/xml: { schema: { type: string } }\napplication/json: { schema: { type: integer } }", "Json application/json Int32")]
    [InlineData("application/merge-patch+json: { schema: { $ref: '#/components/schemas/Form' } }", "Json application/merge-patch+json Form")]
    [InlineData("application/json: {}", "Json application/json Any")]
    [InlineData("application/x-www-form-urlencoded: { schema: { $ref: '#/components/schemas/Form' } }\ntext/plain: {}", "Form application/x-www-form-urlencoded Form")]
    [InlineData("text/plain: { schema: { type: string } }\napplication/octet-stream: {}", "Text text/plain String")]
    [InlineData("application/octet-stream: {}", "Binary application/octet-stream Bytes")]
    [InlineData("application/pdf: {}\nmultipart/form-data: {}", "Binary application/pdf Bytes")]
    public void RequestBodyPrefersJsonThenFormThenTextThenBinary(string content, string expected)
    {
        var body = Operation(ParseClean(Body(content)), "Send").Body!;
        Assert.Equal(expected, $"{body.Kind} {body.MediaType} {ModelDump.Ref(body.Type)}");
        Assert.True(body.IsRequired);
        Assert.Equal("The thing.", body.Description);
    }

    [Fact]
    public void InlineFormBodyGetsARequestType()
    {
        var model = ParseClean(Body("application/x-www-form-urlencoded:\n  schema:\n    type: object\n    properties:\n      grant_type: { type: string }"));
        Assert.Equal("SendRequest", ModelDump.Ref(Operation(model, "Send").Body!.Type));
    }

    [Fact]
    public void RequestBodyReferencesAreFollowed()
    {
        var model = ParseClean(WithPaths("""
            /a:
              post:
                operationId: send
                requestBody:
                  $ref: '#/components/requestBodies/Thing'
                responses: { '204': { description: ok } }
            """, """
            requestBodies:
              Thing:
                content:
                  application/json:
                    schema: { type: string }
            """));

        var body = Operation(model, "Send").Body!;
        Assert.Equal(MediaKind.Json, body.Kind);
        Assert.False(body.IsRequired);
    }

    [Fact]
    public void SuccessIsTheFirst2xxWithContentInAscendingOrder()
    {
        var model = ParseClean(WithPaths("""
            /a:
              get:
                operationId: report
                responses:
                  2XX:
                    description: any
                    content:
                      application/json: { schema: { type: boolean } }
                  '204':
                    description: none
                  '202':
                    description: accepted
                    content:
                      text/csv: {}
                      application/hal+json: { schema: { type: integer } }
                      text/html: {}
                      application/xml: {}
                  '200':
                    description: no content here
            """));

        var operation = Operation(model, "Report");
        Assert.Equal("Json application/hal+json Int32", $"{operation.Success!.Kind} {operation.Success.MediaType} {ModelDump.Ref(operation.Success.Type)}");
        Assert.Equal("Text text/csv String, Text text/html String", string.Join(", ", operation.TextAlternatives.Select(t => $"{t.Kind} {t.MediaType} {ModelDump.Ref(t.Type)}")));
    }

    [Theory]
    [InlineData("text/csv: {}\ntext/plain: {}\napplication/octet-stream: {}", "Text text/csv String", "text/plain")]
    [InlineData("application/octet-stream: {}\napplication/pdf: {}", "Binary application/octet-stream Bytes", "")]
    [InlineData("2XX-only", "Json application/json Guid", "")]
    public void SuccessFallsBackToTextThenBinary(string content, string expected, string alternatives)
    {
        var responses = content == "2XX-only"
            ? "2XX:\n  description: ok\n  content:\n    application/json: { schema: { type: string, format: uuid } }\n"
            : "'200':\n  description: ok\n  content:\n" + Indent(content, 4);
        var model = ParseClean(WithPaths("/a:\n  get:\n    operationId: report\n    responses:\n" + Indent(responses, 6)));

        var operation = Operation(model, "Report");
        Assert.Equal(expected, $"{operation.Success!.Kind} {operation.Success.MediaType} {ModelDump.Ref(operation.Success.Type)}");
        Assert.Equal(alternatives, string.Join(",", operation.TextAlternatives.Select(t => t.MediaType)));
    }

    [Fact]
    public void NoSuccessContentMeansNoSuccessBody()
    {
        var model = ParseClean(WithPaths("""
            /a:
              delete:
                operationId: remove
                responses:
                  '204': { description: gone }
                  '301': { description: moved, content: { application/json: { schema: { type: string } } } }
            """));

        var operation = Operation(model, "Remove");
        Assert.Null(operation.Success);
        Assert.Empty(operation.TextAlternatives);
        Assert.Empty(operation.Errors);
    }

    [Fact]
    public void ErrorsAreEvery4xx5xxAndDefaultInDeclarationOrder()
    {
        var model = ParseClean(WithPaths("""
            /a:
              get:
                operationId: report
                responses:
                  '200': { description: ok }
                  default:
                    description: other
                    content:
                      application/problem+json: { schema: { $ref: '#/components/schemas/Problem' } }
                  5XX:
                    description: server
                    content:
                      text/plain: {}
                  '404':
                    $ref: '#/components/responses/NotFound'
                  4xx:
                    description: client
                    content:
                      application/xml: {}
                  '429':
                    description: throttled
                    content:
                      text/html: {}
                      application/json: {}
            """, """
            schemas:
              Problem:
                type: object
                properties:
                  title: { type: string }
            responses:
              NotFound:
                description: Not found.
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Problem' }
            """));

        Assert.Equal(
            "default Json application/problem+json Problem other | 5XX Text text/plain String server | 404 Json application/json Problem Not found. | 4XX - client | 429 Json application/json Any throttled",
            string.Join(" | ", Operation(model, "Report").Errors.Select(e =>
                $"{e.StatusCode} {(e.Body is null ? "-" : $"{e.Body.Kind} {e.Body.MediaType} {ModelDump.Ref(e.Body.Type)}")} {e.Description}")));
    }

    [Fact]
    public void SuccessResponseReferencesAreFollowed()
    {
        var model = ParseClean(WithPaths("""
            /a:
              get:
                operationId: report
                responses:
                  '200': { $ref: '#/components/responses/Ok' }
            """, """
            responses:
              Ok:
                $ref: '#/components/responses/Inner'
              Inner:
                description: ok
                content:
                  text/csv: {}
            """));

        Assert.Equal(MediaKind.Text, Operation(model, "Report").Success!.Kind);
    }
}
