using Xunit;
using static CmuContracts.Generator.Tests.Parsing.ParsingTestSupport;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>A oneOf/anyOf's discriminator: its property, and the values naming each variant (mapping, else the schema name).</summary>
public sealed class DiscriminatorTests
{
    private const string Schemas = """
        A: { type: object, properties: { kind: { type: string } } }
        B: { type: object, properties: { kind: { type: string } } }
        """;

    [Theory]
    [InlineData("mapping: { a1: '#/components/schemas/A', a2: A }", "kind: A=a1|a2, B=B")]
    [InlineData("{}", "kind: A=A, B=B")]
    public void VariantsTakeTheirMappedValuesOrTheirSchemaName(string mapping, string expected)
    {
        var model = ParseClean(WithSchemas(Schemas + "\nU:\n  anyOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }, { type: string }]\n"
            + "  discriminator:\n    propertyName: kind\n" + (mapping == "{}" ? string.Empty : "    " + mapping + "\n")));

        var union = Type(model, "U");
        Assert.Equal(expected, union.Discriminator + ": " + string.Join(", ", union.Variants.Where(v => !v.DiscriminatorValues.IsEmpty).Select(v => v.Name + "=" + string.Join("|", v.DiscriminatorValues))));
        Assert.True(union.Variants.Single(v => v.Name == "String").DiscriminatorValues.IsEmpty);
    }

    [Fact]
    public void AUnionWithoutDiscriminatorHasNone()
    {
        var model = ParseClean(WithSchemas(Schemas + "\nU:\n  oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }]\n"));

        Assert.Null(Type(model, "U").Discriminator);
        Assert.All(Type(model, "U").Variants, v => Assert.True(v.DiscriminatorValues.IsEmpty));
    }
}
