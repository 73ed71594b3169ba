using CmuContracts.Generator.Model;
using Xunit;
using static CmuContracts.Generator.Tests.Parsing.ParsingTestSupport;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>multipart/form-data bodies: their object schema's properties are the parts, <c>encoding</c> gives content types.</summary>
public sealed class MultipartBodyTests
{
    private static string Body(string content) =>
        WithPaths("/a:\n  post:\n    operationId: send\n    requestBody:\n      required: true\n      content:\n"
            + Indent(content, 8) + "    responses: { '204': { description: ok } }\n");

    [Fact]
    public void AFormDataBodyIsReadWithItsPartsAndTheirEncodings()
    {
        var model = ParseClean(Body("""
            multipart/form-data:
              schema:
                type: object
                required: [file]
                properties:
                  file: { type: string, format: binary }
                  purpose: { type: string }
              encoding:
                file: { contentType: image/png }
                purpose: { style: form }
            """));

        var body = Operation(model, "Send").Body!;
        Assert.Equal("Multipart multipart/form-data SendRequest", $"{body.Kind} {body.MediaType} {ModelDump.Ref(body.Type)}");
        Assert.Equal("file=image/png", string.Join(", ", body.Encodings.Select(e => e.PartName + "=" + e.ContentType)));
        Assert.Equal("file Bytes, purpose String", string.Join(", ", Type(model, "SendRequest").Properties.Select(p => p.JsonName + " " + ModelDump.Ref(p.Type))));
    }

    [Fact]
    public void AnyOtherUsableMediaTypeIsPreferredToMultipart()
    {
        var body = Operation(ParseClean(Body("multipart/form-data: { schema: { type: object, properties: { a: { type: string } } } }\ntext/plain: {}")), "Send").Body!;

        Assert.Equal(MediaKind.Text, body.Kind);
    }

    [Theory]
    [InlineData("multipart/mixed: { schema: { type: object, properties: { a: { type: string } } } }")]
    [InlineData("multipart/form-data: { schema: { type: array, items: { type: string } } }")]
    public void MultipartBodiesRefitCannotSendSkipTheOperation(string content)
    {
        var result = Parse(Body(content));

        Assert.Equal("the operation POST /a", Single(result, "CMU1004").MessageArgs[1]);
        Assert.Empty(result.Model!.Clients);
    }
}
