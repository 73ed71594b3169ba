using CmuContracts.Generator.Model;
using CmuContracts.Generator.Parsing;
using CmuContracts.Generator.Spec;
using CmuContracts.Generator.Tests.Infrastructure;
using Xunit;
using static CmuContracts.Generator.Tests.Parsing.ParsingTestSupport;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>
/// The two readers agree on JSON: a spec named <c>.json</c> (System.Text.Json) and the same text named <c>.yaml</c>
/// (SharpYaml; JSON is YAML) give the same node tree (ids, values, styles, marks), the same model and the same
/// diagnostics at the same places. Every corpus spec and our own spec are compared, converted to JSON in three layouts,
/// and the corpus's JSON specs as they are written.
/// </summary>
public sealed class JsonParityTests
{
    private const string JsonPath = "/specs/test.json";
    private const string YamlPath = "/specs/test.yaml";

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
    public void SpecConvertedToJsonReadsTheSameAsJsonAndAsYaml(string file, JsonLayout layout)
    {
        var json = YamlToJson.Convert(File.ReadAllText(file), layout);

        AssertSameTree(json);
        var (asJson, asYaml) = ParseBoth(json);
        Assert.NotNull(asJson.Model);
        Assert.NotEmpty(asJson.Model!.Clients);
        AssertSameResult(asYaml, asJson);
    }

    public static TheoryData<string> CorpusJsonSpecs() => new(TestPaths.CorpusFiles().Where(f => SpecReader.IsJsonPath(f)));

    [Theory]
    [MemberData(nameof(CorpusJsonSpecs))]
    public void CorpusJsonSpecReadsTheSameAsJsonAndAsYaml(string file)
    {
        var json = File.ReadAllText(file);

        AssertSameTree(json);
        var (asJson, asYaml) = ParseBoth(json);
        Assert.NotNull(asJson.Model);
        AssertSameResult(asYaml, asJson);
    }

    [Fact]
    public void OurSpecAndTheCorpusJsonSpecsAreAmongTheSpecsCompared()
    {
        Assert.True(File.Exists(TestPaths.OurSpecPath), "Missing " + TestPaths.OurSpecPath);
        Assert.Contains(Specs(), row => (string)row[0] == TestPaths.OurSpecPath);
        Assert.True(CorpusJsonSpecs().Count >= 2, "The corpus should hold JSON specs");
    }

    /// <summary>Valid JSON specs whose problems are reported by the OpenAPI readers, at places that need exact positions.</summary>
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

        // A repeated key is an error of either reader, at the second key.
        "{\"openapi\": \"3.0.0\",\n \"openapi\": \"3.1.0\"}",
        "{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"é\", \"title\": \"x\"}}",
    };

    [Theory]
    [MemberData(nameof(SpecsWithProblems))]
    public void ProblemsInValidJsonAreReportedAtTheSamePlacesByBothReaders(string json)
    {
        var (asJson, asYaml) = ParseBoth(json);
        Assert.NotEmpty(asJson.Diagnostics);
        AssertSameResult(asYaml, asJson);
    }

    private static (ParseResult Json, ParseResult Yaml) ParseBoth(string json)
    {
        var asJson = SpecParser.Parse(new SpecInput(JsonPath, json, "Parity", "Parity", "Parity"), CancellationToken.None);
        var asYaml = SpecParser.Parse(new SpecInput(YamlPath, json, "Parity", "Parity", "Parity"), CancellationToken.None);

        // The same places in the same text: only the file names differ.
        var relocated = asYaml.Diagnostics.Select(d => d with { Location = d.Location with { FilePath = JsonPath } }).ToEquatableArray();
        return (asJson, asYaml with { Diagnostics = relocated });
    }

    /// <summary>Both readers build node trees equal in every id, value, style and mark.</summary>
    private static void AssertSameTree(string json)
    {
        var asJson = JsonSpecReader.Read(json)!;
        var asYaml = YamlSpecReader.Read(json)!;
        SpecTreeAssert.Equal(asYaml, asJson);
    }
}
