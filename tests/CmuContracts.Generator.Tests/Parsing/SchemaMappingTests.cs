using CmuContracts.Generator.Model;
using Xunit;
using static CmuContracts.Generator.Tests.Parsing.ParsingTestSupport;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>Schemas to TypeRefs: primitives and formats, arrays, maps, free-form, nullability, 3.1 forms.</summary>
public sealed class SchemaMappingTests
{
    [Theory]
    [InlineData("type: integer", "Int32")]
    [InlineData("type: integer\nformat: int32", "Int32")]
    [InlineData("type: integer\nformat: int64", "Int64")]
    [InlineData("type: number", "Double")]
    [InlineData("type: number\nformat: double", "Double")]
    [InlineData("type: number\nformat: float", "Float")]
    [InlineData("type: number\nformat: decimal", "Decimal")]
    [InlineData("type: string", "String")]
    [InlineData("type: string\nformat: date", "Date")]
    [InlineData("type: string\nformat: date-time", "DateTime")]
    [InlineData("type: string\nformat: uuid", "Guid")]
    [InlineData("type: string\nformat: uri", "Uri")]
    [InlineData("type: string\nformat: byte", "Bytes")]
    [InlineData("type: string\nformat: binary", "Bytes")]
    [InlineData("type: string\nformat: email", "String")]
    [InlineData("type: boolean", "Boolean")]
    [InlineData("type: array\nitems:\n  type: string", "List<String>")]
    [InlineData("type: array", "List<Any>")]
    [InlineData("type: object\nadditionalProperties:\n  type: integer", "Map<Int32>")]
    [InlineData("type: object\nadditionalProperties: true", "Map<Any>")]
    [InlineData("type: object\nadditionalProperties: {}", "Map<Any>")]
    [InlineData("type: object", "Any")]
    [InlineData("type: object\nadditionalProperties: false", "Any")]
    [InlineData("description: no type at all", "Any")]
    [InlineData("{}", "Any")]
    [InlineData("type: string\nnullable: true", "String?")]
    [InlineData("type: integer\nenum: [1, 2, 3]", "Int32")]
    [InlineData("type: number\nenum: [1.5, 2.5]", "Double")]
    [InlineData("type: integer\nenum: [1, null]\nnullable: true", "Int32?")]
    [InlineData("allOf:\n  - type: string\nnullable: true\ndescription: wrapped", "String?")]
    public void MapsOpenApi30Schemas(string schema, string expected)
    {
        var model = ParseClean(WithSchemas("Holder:\n  type: object\n  properties:\n    value:\n" + Indent(schema, 6)));
        Assert.Equal(expected, PropertyType(model, "Holder", "value"));
    }

    [Theory]
    [InlineData("type: [string, 'null']", "String?")]
    [InlineData("type: ['null', integer]\nformat: int64", "Int64?")]
    [InlineData("type: [string, integer]", "Any")]
    [InlineData("type: [string, integer, 'null']", "Any?")]
    [InlineData("const: fixed", "String")]
    [InlineData("const: 42", "Int32")]
    [InlineData("const: true", "Boolean")]
    [InlineData("oneOf:\n  - type: string\n  - type: 'null'", "String?")]
    [InlineData("type: array\nitems: true", "List<Any>")]
    [InlineData("$ref: '#/components/schemas/Name'\ndescription: siblings are allowed in 3.1", "String")]
    [InlineData("enum: [a, b, null]", "HolderValue?")]
    public void MapsOpenApi31Schemas(string schema, string expected)
    {
        var model = ParseClean(WithSchemas("Name:\n  type: string\nHolder:\n  type: object\n  properties:\n    value:\n" + Indent(schema, 6)).Replace("3.0.3", "3.1.0", StringComparison.Ordinal));
        Assert.Equal(expected, PropertyType(model, "Holder", "value"));
    }

    [Fact]
    public void PrimitiveAndArrayComponentsAreAliasesThatInline()
    {
        var model = ParseClean(WithSchemas("""
            Id:
              type: string
              format: uuid
            Ids:
              type: array
              items:
                $ref: '#/components/schemas/Id'
            Counts:
              type: object
              additionalProperties:
                type: integer
            Holder:
              type: object
              properties:
                id:
                  $ref: '#/components/schemas/Id'
                ids:
                  $ref: '#/components/schemas/Ids'
                counts:
                  $ref: '#/components/schemas/Counts'
                maybe:
                  allOf:
                    - $ref: '#/components/schemas/Id'
                  nullable: true
            """));

        Assert.Equal("Holder", Assert.Single(model.Types).Name);
        Assert.Equal("Guid", PropertyType(model, "Holder", "id"));
        Assert.Equal("List<Guid>", PropertyType(model, "Holder", "ids"));
        Assert.Equal("Map<Int32>", PropertyType(model, "Holder", "counts"));
        Assert.Equal("Guid?", PropertyType(model, "Holder", "maybe"));
    }

    [Fact]
    public void RecursiveReferencesUseTheTypeName()
    {
        var model = ParseClean(WithSchemas("""
            Node:
              type: object
              properties:
                children:
                  type: array
                  items:
                    $ref: '#/components/schemas/Node'
                parent:
                  $ref: '#/components/schemas/Node'
            """));

        Assert.Equal("List<Node>", PropertyType(model, "Node", "children"));
        Assert.Equal("Node", PropertyType(model, "Node", "parent"));
    }

    [Fact]
    public void NullableReferenceToAnObjectIsNullable()
    {
        var model = ParseClean(WithSchemas("""
            Inner:
              type: object
              properties:
                a:
                  type: string
            Outer:
              type: object
              properties:
                inner:
                  allOf:
                    - $ref: '#/components/schemas/Inner'
                  nullable: true
                  description: The inner one.
                plain:
                  $ref: '#/components/schemas/Inner'
            """));

        Assert.Equal("Inner?", PropertyType(model, "Outer", "inner"));
        Assert.Equal("The inner one.", Property(Type(model, "Outer"), "inner").Description);
        Assert.Equal("Inner", PropertyType(model, "Outer", "plain"));
    }

    [Fact]
    public void ReferencesUnescapeJsonPointerSegments()
    {
        var model = ParseClean(WithSchemas("""
            a/b~c:
              type: object
              properties:
                x:
                  type: string
            Holder:
              type: object
              properties:
                escaped:
                  $ref: '#/components/schemas/a~1b~0c'
                deep:
                  $ref: '#/components/schemas/a~1b~0c/properties/x'
            """));

        Assert.Equal("ABC", PropertyType(model, "Holder", "escaped"));
        Assert.Equal("String", PropertyType(model, "Holder", "deep"));
    }
}
