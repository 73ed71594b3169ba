using CmuContracts.Generator.Model;
using Xunit;
using static CmuContracts.Generator.Tests.Parsing.ParsingTestSupport;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>JSON specs go through the same YAML reader (JSON is flow YAML).</summary>
public sealed class JsonSpecTests
{
    [Fact]
    public void JsonSpecIndentedWithTabsParses()
    {
        var text = "{\n\t\"openapi\": \"3.0.1\",\n\t\"info\": {\"title\": \"T\", \"version\": \"1\"},\n\t\"paths\": {\n\t\t\"/pets/{id}\": {\n\t\t\t\"get\": {\n\t\t\t\t\"operationId\": \"getPet\",\n"
            + "\t\t\t\t\"parameters\": [{\"name\": \"id\", \"in\": \"path\", \"required\": true, \"schema\": {\"type\": \"integer\", \"format\": \"int64\"}}],\n"
            + "\t\t\t\t\"responses\": {\"200\": {\"description\": \"ok\", \"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Pet\"}}}}}\n"
            + "\t\t\t}\n\t\t}\n\t},\n\t\"components\": {\"schemas\": {\"Pet\": {\"type\": \"object\", \"required\": [\"name\"], \"properties\": {\"name\": {\"type\": \"string\", \"description\": \"caf\\u00e9 \\/ bar\"}}}}}\n}\n";

        var model = ParseClean(text);
        var operation = Operation(model, "GetPet");
        Assert.Equal(new TypeRef(TypeKind.Int64), operation.Parameters[0].Type);
        Assert.Equal(TypeRef.Named("Pet"), operation.Success!.Type);
        Assert.Equal("café / bar", Property(Type(model, "Pet"), "name").Description);
    }

    [Fact]
    public void CompactJson31SpecParses()
    {
        var text = """{"openapi":"3.1.0","info":{"title":"T","version":"1"},"paths":{"/a":{"get":{"operationId":"a","responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}}}},"components":{"schemas":{"Thing":{"type":"object","properties":{"name":{"type":["string","null"]},"count":{"type":"integer","const":3},"tags":{"type":"array","items":{"type":"string"}},"any":{"type":["string","number"]}}}}}}""";

        var model = ParseClean(text);
        Assert.Equal("String?", PropertyType(model, "Thing", "name"));
        Assert.Equal("Int32", PropertyType(model, "Thing", "count"));
        Assert.Equal("List<String>", PropertyType(model, "Thing", "tags"));
        Assert.Equal("Any", PropertyType(model, "Thing", "any"));
    }

    [Fact]
    public void JsonDuplicateKeyIsCmu1001WithItsPosition()
    {
        var result = Parse("{\"openapi\": \"3.0.0\",\n \"openapi\": \"3.1.0\"}");
        Assert.Null(result.Model);
        AssertAt(Single(result, "CMU1001"), 1, 1);
    }

    [Fact]
    public void InvalidJsonIsCmu1001()
    {
        var result = Parse("{\"openapi\": \"3.0.0\",, }");
        Assert.Null(result.Model);
        AssertAt(Single(result, "CMU1001"), 0, 20);
    }
}
