using CmuContracts.Generator.Model;
using CmuContracts.Generator.Parsing;
using CmuContracts.Generator.Tests.Infrastructure;
using Xunit;
using YamlDotNet.Core;
using static CmuContracts.Generator.Tests.Parsing.ParsingTestSupport;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>
/// The JSON fast path (System.Text.Json) against the YAML path on the same JSON text: the same node tree
/// (values, styles, marks), the same model and the same diagnostics at the same places. Every corpus spec
/// and our own spec are converted to JSON in three layouts; malformed and unusual JSON is covered below.
/// </summary>
public sealed class JsonParityTests
{
    private const string JsonPath = "/specs/test.json";

    public static TheoryData<string, JsonLayout> Specs()
    {
        var data = new TheoryData<string, JsonLayout>();
        foreach (var file in CorpusAndOurSpec())
        {
            foreach (var layout in Enum.GetValues<JsonLayout>())
            {
                data.Add(file, layout);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void SpecConvertedToJsonReadsTheSameThroughBothPaths(string file, JsonLayout layout)
    {
        var json = YamlToJson.Convert(File.ReadAllText(file), layout);

        AssertSameTree(json);
        var (fast, yaml) = ParseBoth(json);
        Assert.NotNull(fast.Model);
        Assert.NotEmpty(fast.Model!.Clients);
        AssertSameResult(yaml, fast);
    }

    [Fact]
    public void OurSpecIsAmongTheSpecsCompared()
    {
        Assert.True(File.Exists(TestPaths.OurSpecPath), "Missing " + TestPaths.OurSpecPath);
        Assert.Contains(Specs(), row => (string)row[0] == TestPaths.OurSpecPath);
    }

    /// <summary>Valid JSON specs whose problems are reported by the readers, at places that need exact positions.</summary>
    public static TheoryData<string> SpecsWithProblems() => new()
    {
        // Wrong shapes and an unresolved $ref after multi-byte text (é, 😀) on the same line, CRLF line ends.
        "{\r\n  \"openapi\": \"3.0.3\", \"info\": {\"title\": \"Café 😀 API\", \"version\": 1},\r\n"
            + "  \"paths\": {\"/a\": {\"get\": {\"summary\": \"😀 ünïcödé\", \"parameters\": 5, \"responses\": {\"200\": {\"description\": \"ok\", \"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Missing\"}}}}}},\r\n"
            + "   \"post\": {\"responses\": {\"204\": {\"description\": \"ok\"}}}}},\r\n"
            + "  \"components\": {\"schemas\": {\"Bad\": {\"type\": \"object\", \"required\": \"name\", \"properties\": []}, \"Thing\": {\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"integer\", \"nullable\": \"yes\"}}}}}\r\n}",

        // Tabs, a lone CR line end, escapes in keys and values, numbers in every JSON form.
        "{\t\"openapi\": \"3.1.0\",\r\t\"info\": {\"title\": \"T\\u00e9\\n\\\"q\\\"\", \"version\": \"1\"},\n\t\"paths\": {\"/p\\/q\": {\"get\": {\"operationId\": \"op\", "
            + "\"responses\": {\"200\": {\"description\": \"ok\", \"content\": {\"application/json\": {\"schema\": {\"type\": \"object\", \"properties\": {"
            + "\"a\": {\"type\": \"number\", \"minimum\": -0, \"maximum\": 1.5e+10, \"default\": 2E-3}, \"b\": {\"type\": \"strange\"}, \"c\": {\"enum\": [1, true, null, \"x\"]}}}}}}}}}}}",

        // Not a mapping at the top, or no openapi field: CMU1002 at the node.
        "[1, 2, 3]",
        "  \"just a string\"  ",
        "{\"swagger\": \"2.0\", \"paths\": {}}",
        "{\"openapi\": 3.0, \"info\": {}}",
        "{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {}}",
        "{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": null, \"components\": {}}",
        "{}",
    };

    [Theory]
    [MemberData(nameof(SpecsWithProblems))]
    public void ProblemsInValidJsonAreReportedAtTheSamePlaces(string json)
    {
        AssertSameTree(json);
        var (fast, yaml) = ParseBoth(json);
        Assert.NotEmpty(fast.Diagnostics);
        AssertSameResult(yaml, fast);
        AssertSameResult(yaml, SpecParser.Parse(new SpecInput(JsonPath, json, "Parity", "Parity", "Parity"), CancellationToken.None));
    }

    /// <summary>Malformed or YAML-sensitive JSON, and whether the fast path reads it or hands it to YAML.</summary>
    public static TheoryData<string, bool> MalformedJson() => new()
    {
        // Duplicate keys are found by the node tree itself, so the fast path reports them.
        { "{\"openapi\": \"3.0.0\",\n \"openapi\": \"3.1.0\"}", true },
        { "{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"é\", \"title\": \"x\"}}", true },
        { "{\"a\": {\"b\": 1, \"b\": 2}, \"c\": [1, 2,, 3]}", true },

        // Invalid JSON: YAML reads it and reports what it always reported.
        { "{\"openapi\": \"3.0.0\",, }", false },
        { "{\"openapi\": \"3.0.0\",}", false },
        { "{\"openapi\": \"3.0.0\"", false },
        { "{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"unterminated}}", false },
        { "{\"openapi\": \"3.0.0\" \"info\": {}}", false },
        { "{\"openapi\": '3.0.0'}", false },
        { "{openapi: \"3.0.0\"}", false },
        { "{\"openapi\": \"3.0.0\"} {}", false },
        { "// comment\n{\"openapi\": \"3.0.0\"}", false },
        { "{\"openapi\": \"3.0.0\", \"x\": 01}", false },
        { "{\"openapi\": \"3.0.0\", \"x\": \"tab\tinside\"}", false },
        { "{\"a\": \"\\ud800\"}", false },
        { string.Empty, false },
        { "  \n ", false },

        // Valid JSON that YAML 1.1 reads differently (line breaks, BOM, simple-key rules, depth).
        { "\uFEFF{\"openapi\": \"3.0.0\"}", false },
        { "{\"openapi\": \"3.0.0\", \"x\": \"a\u2028b\"}", false },
        { "{\"openapi\"\n: \"3.0.0\"}", false },
        { "{\"" + new string('k', 1_100) + "\": 1, \"openapi\": \"3.0.0\"}", false },
        { new string('[', 1_200) + new string(']', 1_200), false },
    };

    [Theory]
    [MemberData(nameof(MalformedJson))]
    public void MalformedJsonGivesTheSameDiagnosticsThroughBothPaths(string json, bool fastPathReadsIt)
    {
        Assert.Equal(fastPathReadsIt, FastPathApplies(json));
        var (fast, yaml) = ParseBoth(json);
        AssertSameResult(yaml, fast);

        // The generator's own order (the YAML fast path, the JSON one, then YamlDotNet) gives the same too.
        AssertSameResult(yaml, SpecParser.Parse(new SpecInput(JsonPath, json, "Parity", "Parity", "Parity"), CancellationToken.None));
    }

    [Fact]
    public void DuplicateKeyThroughTheFastPathIsCmu1001AtTheSecondKey()
    {
        var result = SpecParser.Parse(new SpecInput(JsonPath, "{\"openapi\": \"3.0.0\",\n \"openapi\": \"3.1.0\"}", "Test", "Api", "Test"), CancellationToken.None);
        Assert.Null(result.Model);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("CMU1001", error.Id);
        Assert.Equal((1, 1, 1, 10), (error.Location.StartLine, error.Location.StartColumn, error.Location.EndLine, error.Location.EndColumn));
        Assert.Equal(JsonPath, error.Location.FilePath);
    }

    [Theory]
    [InlineData("/specs/a.json", true)]
    [InlineData("/specs/a.JSON", true)]
    [InlineData("/specs/a.yaml", false)]
    [InlineData("/specs/a.json.yml", false)]
    public void OnlyJsonFilesTakeTheFastPath(string path, bool expected) => Assert.Equal(expected, YamlDocumentLoader.IsJsonPath(path));

    private static (ParseResult Fast, ParseResult Yaml) ParseBoth(string json)
    {
        var input = new SpecInput(JsonPath, json, "Parity", "Parity", "Parity");
        return (SpecParser.Parse(input, FastPaths.Json, CancellationToken.None), SpecParser.Parse(input, FastPaths.None, CancellationToken.None));
    }

    private static bool FastPathApplies(string json)
    {
        try
        {
            JsonSpecTree.Load(json);
            return true;
        }
        catch (JsonSpecTree.Unavailable)
        {
            return false;
        }
        catch (YamlException)
        {
            return true;
        }
    }

    /// <summary>Both paths build node trees equal in every id, value, style and mark.</summary>
    private static void AssertSameTree(string json)
    {
        var fast = JsonSpecTree.Load(json);
        var yaml = SpecTreeLoader.Load(new Parser(new StringReader(json)))!;
        SpecTreeAssert.Equal(yaml, fast);
    }
}
