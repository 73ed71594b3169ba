using CmuContracts.Generator.Model;
using Xunit;
using static CmuContracts.Generator.Tests.Parsing.ParsingTestSupport;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>Streamed answers (server-sent events, JSON Lines) become one stream alternative per operation, typed by their schema.</summary>
public sealed class StreamResponseTests
{
    private static string Responses(string content) =>
        WithPaths("/a:\n  get:\n    operationId: get\n    responses:\n      '200':\n        description: ok\n        content:\n" + Indent(content, 10),
            "schemas:\n  Chunk:\n    type: object\n    properties:\n      a: { type: string }\n");

    [Theory]
    [InlineData("application/json: { schema: { type: integer } }\ntext/event-stream: { schema: { $ref: '#/components/schemas/Chunk' } }", "Json Int32", "EventStream text/event-stream Chunk")]
    [InlineData("text/event-stream: {}", "Text String", "EventStream text/event-stream Any")]
    [InlineData("application/x-ndjson: { itemSchema: { $ref: '#/components/schemas/Chunk' } }", "Binary Bytes", "JsonLines application/x-ndjson Chunk")]
    [InlineData("application/jsonl: { schema: { type: string } }\ntext/event-stream: { schema: { type: integer } }", "Text String", "JsonLines application/jsonl String")]
    public void AStreamedAnswerIsAnAlternativeOfItsItemType(string content, string success, string alternatives)
    {
        var op = Operation(ParseClean(Responses(content)), "Get");

        Assert.Equal(success, $"{op.Success!.Kind} {ModelDump.Ref(op.Success.Type)}");
        Assert.Equal(alternatives, string.Join(", ", op.TextAlternatives.Select(a => $"{a.Kind} {a.MediaType} {ModelDump.Ref(a.Type)}")));
    }

    [Fact]
    public void OtherTextTypesStayStringAlternatives()
    {
        var op = Operation(ParseClean(Responses("application/json: {}\ntext/csv: {}\ntext/event-stream: {}")), "Get");

        Assert.Equal("Text text/csv, EventStream text/event-stream", string.Join(", ", op.TextAlternatives.Select(a => a.Kind + " " + a.MediaType)));
        Assert.Equal(MediaKind.Json, op.Success!.Kind);
    }

    [Fact]
    public void AnInlineEventSchemaIsAGeneratedType()
    {
        var model = ParseClean(Responses("application/json: {}\ntext/event-stream: { schema: { type: object, properties: { delta: { type: string } } } }"));

        Assert.Equal("GetEvent", ModelDump.Ref(Operation(model, "Get").TextAlternatives.Single().Type));
        Assert.Equal("delta", Property(Type(model, "GetEvent"), "delta").JsonName);
    }
}
