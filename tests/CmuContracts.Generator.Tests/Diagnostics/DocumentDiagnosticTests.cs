using CmuContracts.Generator.Model;
using CmuContracts.Generator.Parsing;
using CmuContracts.Generator.Tests.Infrastructure;
using Xunit;
using static CmuContracts.Generator.Tests.Parsing.ParsingTestSupport;

namespace CmuContracts.Generator.Tests.Diagnostics;

/// <summary>
/// What the parser reports about a document as a whole (unreadable YAML, not OpenAPI 3, no operations, an internal
/// failure), where it points (zero-based line and column) and whether a model is still made.
/// </summary>
public sealed class DocumentDiagnosticTests
{
    [Fact]
    public void SyntaxErrorIsCmu1001AtTheReaderPosition()
    {
        var result = Parse("openapi: 3.0.3\ninfo:\n  title: a\n bad: b\n");
        Assert.Null(result.Model);
        var error = Single(result, "CMU1001");
        AssertAt(error, 3, 1);
        Assert.Equal("While parsing a block mapping, did not find expected key.", error.MessageArgs[0]);
        Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void UnterminatedQuoteIsCmu1001()
    {
        var result = Parse("openapi: 3.0.3\ninfo:\n  title: 'unterminated\npaths: {}\n");
        AssertAt(Single(result, "CMU1001"), 2, 9);
    }

    [Fact]
    public void UnterminatedFlowMappingIsCmu1001WhereTheParserStopped()
    {
        // The plain scalar runs on to "x paths", and the parser stops at the ':' after it. (YamlDotNet 16.3 threw an
        // InvalidOperationException here, which was placed after the last event read: line 1, column 12.)
        var result = Parse("openapi: 3.0.3\ninfo: {title: x\npaths: {}\n");
        Assert.Null(result.Model);
        AssertAt(Single(result, "CMU1001"), 2, 5);
        Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void DuplicateKeyIsCmu1001AtTheSecondKey()
    {
        var result = Parse("openapi: 3.0.3\ninfo:\n  title: a\n  title: b\npaths: {}\n");
        Assert.Null(result.Model);
        var error = Single(result, "CMU1001");
        AssertAt(error, 3, 2);
        Assert.Contains("Duplicate key", error.MessageArgs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void TabIndentationInYamlIsCmu1001()
    {
        var result = Parse("openapi: 3.0.3\ninfo:\n\ttitle: a\n");
        Assert.Null(result.Model);
        Assert.Contains("tab", Single(result, "CMU1001").MessageArgs[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("swagger: '2.0'\ninfo: {title: x, version: '1'}\npaths: {}\n", 0, 9)]
    [InlineData("openapi: 2.0.0\npaths: {}\n", 0, 9)]
    [InlineData("openapi: '4.0'\npaths: {}\n", 0, 9)]
    [InlineData("info: {title: x}\npaths: {}\n", 0, 0)]
    [InlineData("- just\n- a list\n", 0, 0)]
    [InlineData("", 0, 0)]
    [InlineData("# only a comment\n", 0, 0)]
    public void NotOpenApi3IsCmu1002AndNoModel(string text, int line, int column)
    {
        var result = Parse(text);
        Assert.Null(result.Model);
        AssertAt(Single(result, "CMU1002"), line, column);
        Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void NoOperationsIsCmu1011AndSchemasAreStillRead()
    {
        var result = Parse(MinimalSpec("""
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  properties: { a: { type: string } }
            """));

        AssertAt(Single(result, "CMU1011"), 4, 0);
        Assert.Equal("Thing", Assert.Single(result.Model!.Types).Name);
        Assert.Empty(result.Model!.Clients);
    }

    [Fact]
    public void MissingPathsIsCmu1011AtTheOpenApiField()
    {
        var result = Parse(MinimalSpec(string.Empty));
        AssertAt(Single(result, "CMU1011"), 0, 0);
        Assert.NotNull(result.Model);
    }

    [Fact]
    public void UnexpectedFailureIsCmu1009AtFileStartNeverAnException()
    {
        var result = SpecParser.Parse(new SpecInput(SpecPath, null!, "N", "C", "H"), CancellationToken.None);
        Assert.Null(result.Model);
        var diagnostic = Single(result, "CMU1009");
        Assert.Equal(LocationInfo.FileStart(SpecPath), diagnostic.Location);
    }

    [Fact]
    public void CancellationIsTheOnlyException()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var text = File.ReadAllText(TestPaths.CorpusFile("library-catalogue"));
        Assert.ThrowsAny<OperationCanceledException>(() => SpecParser.Parse(new SpecInput(SpecPath, text, "N", "C", "H"), cancellation.Token));
    }

    [Fact]
    public void LocationsCarryOffsetsAndEnds()
    {
        var result = Parse("openapi: '2.5'\n");
        var location = Single(result, "CMU1002").Location;
        Assert.Equal(new LocationInfo(SpecPath, 9, 14, 0, 9, 0, 14), location);
    }
}
