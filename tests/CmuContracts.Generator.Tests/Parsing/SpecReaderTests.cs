using CmuContracts.Generator.Model;
using CmuContracts.Generator.Parsing;
using CmuContracts.Generator.Spec;
using Xunit;
using static CmuContracts.Generator.Tests.Parsing.ParsingTestSupport;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>
/// What the two readers make of text: YAML that YAML 1.2 allows, aliases, several documents, and the located CMU1001 of
/// text that is not valid in its format (a <c>.json</c> name is read by System.Text.Json, any other as YAML).
/// </summary>
public sealed class SpecReaderTests
{
    private const string JsonPath = "/specs/test.json";

    [Fact]
    public void KeptLiteralBlockWhoseOnlyLineIsSpacesIsALineBreak()
    {
        // YAML 1.2, 8.1.1.1: leading lines of spaces only are empty lines, whatever their length (YamlDotNet refuses this).
        var root = (SpecMappingNode)YamlSpecReader.Read("example: |+\n      \nnext: 1\n")!;

        var example = Assert.IsType<SpecScalarNode>(root.Children[0].Value);
        Assert.Equal("\n", example.Value);
        Assert.Equal(ScalarStyle.Literal, example.Style);
        Assert.Equal("1", ((SpecScalarNode)root.Children[1].Value).Value);
    }

    [Fact]
    public void AnAliasSharesTheNodeOfItsAnchor()
    {
        var root = (SpecMappingNode)YamlSpecReader.Read("a: &shared {b: 1}\nc: *shared\n")!;

        Assert.Same(root.Children[0].Value, root.Children[1].Value);
    }

    [Fact]
    public void AnAliasBeforeItsAnchorIsCmu1001AtTheAlias()
    {
        var result = Parse("openapi: 3.0.3\na: *later\nb: &later 1\n");

        Assert.Null(result.Model);
        var error = Single(result, "CMU1001");
        AssertAt(error, 1, 3);
        Assert.Contains("*later", error.MessageArgs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void EveryDocumentIsReadSoALaterDocumentsErrorCounts()
    {
        var result = Parse(MinimalSpec("paths: {}\n") + "---\nb: [1\n");

        Assert.Null(result.Model);
        AssertAt(Single(result, "CMU1001"), 7, 0);
    }

    [Fact]
    public void InvalidJsonIsCmu1001WhereSystemTextJsonStoppedCountedInUtf16Columns()
    {
        // é is 2 bytes and 😀 4 in UTF-8, 1 and 2 chars in UTF-16: the second comma is char 12 of line 1.
        var result = SpecParser.Parse(new SpecInput(JsonPath, "{\r\n \"t\": \"é😀\",, }", "Test", "Api", "Test"), CancellationToken.None);

        Assert.Null(result.Model);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("CMU1001", error.Id);
        Assert.Equal((1, 12), (error.Location.StartLine, error.Location.StartColumn));
        Assert.DoesNotContain("LineNumber", error.MessageArgs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateKeyInJsonIsCmu1001AtTheSecondKey()
    {
        var result = SpecParser.Parse(new SpecInput(JsonPath, "{\"openapi\": \"3.0.0\",\n \"openapi\": \"3.1.0\"}", "Test", "Api", "Test"), CancellationToken.None);

        Assert.Null(result.Model);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("CMU1001", error.Id);
        Assert.Equal((1, 1, 1, 10), (error.Location.StartLine, error.Location.StartColumn, error.Location.EndLine, error.Location.EndColumn));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n\t")]
    public void EmptyJsonSpecIsCmu1002(string text)
    {
        var result = SpecParser.Parse(new SpecInput(JsonPath, text, "Test", "Api", "Test"), CancellationToken.None);

        Assert.Null(result.Model);
        Assert.Equal("CMU1002", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void JsonWithAByteOrderMarkIsRead()
    {
        var result = SpecParser.Parse(new SpecInput(JsonPath, "\uFEFF{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {}}", "Test", "Api", "Test"), CancellationToken.None);

        Assert.Equal("CMU1011", Assert.Single(result.Diagnostics).Id);
    }

    [Theory]
    [InlineData("/specs/deep.yaml")]
    [InlineData(JsonPath)]
    public void NestingDeeperThanAThousandIsCmu1001NotACrash(string path)
    {
        var text = "{\"openapi\": " + new string('[', 1_200) + new string(']', 1_200) + "}";

        var result = SpecParser.Parse(new SpecInput(path, text, "Test", "Api", "Test"), CancellationToken.None);

        Assert.Null(result.Model);
        Assert.Equal("CMU1001", Assert.Single(result.Diagnostics).Id);
    }

    [Theory]
    [InlineData("/specs/a.json", true)]
    [InlineData("/specs/a.JSON", true)]
    [InlineData("/specs/a.yaml", false)]
    [InlineData("/specs/a.json.yml", false)]
    public void OnlyJsonFileNamesAreReadAsJson(string path, bool expected) => Assert.Equal(expected, SpecReader.IsJsonPath(path));
}
