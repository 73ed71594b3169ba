namespace CmuContracts.Generator.Model;

internal enum TypeModelKind
{
    /// <summary>A class with properties (allOf members are flattened into it, in declaration order).</summary>
    Object,
    /// <summary>A string enum, emitted as an extensible readonly struct so unknown values read fine.</summary>
    Enum,
    /// <summary>oneOf/anyOf: a class holding the raw JSON and one nullable property per variant.</summary>
    Union,
}

/// <summary>A type the generator emits, named by the parser (unique, escaped, PascalCase).</summary>
/// <param name="Discriminator">For a union, the property whose value names the variant (OpenAPI <c>discriminator.propertyName</c>), or null.</param>
internal sealed record TypeModel(
    TypeModelKind Kind,
    string Name,
    string? Description,
    EquatableArray<PropertyModel> Properties,
    TypeRef? AdditionalProperties,
    EquatableArray<EnumMemberModel> EnumMembers,
    EquatableArray<UnionVariantModel> Variants,
    string? Discriminator = null);

/// <summary>A property of an object type.</summary>
/// <param name="JsonName">The name on the wire.</param>
/// <param name="Name">The C# property name (unique within the type, never equal to the type name).</param>
/// <param name="IsRequired">Listed in the schema's <c>required</c>.</param>
internal sealed record PropertyModel(string JsonName, string Name, TypeRef Type, bool IsRequired, string? Description);

/// <summary>A known value of a string enum.</summary>
internal sealed record EnumMemberModel(string Name, string Value, string? Description);

/// <summary>
/// One alternative of a oneOf/anyOf. With a discriminator, a value naming one of <see cref="DiscriminatorValues"/>
/// reads as this variant (and the first is written with it). Otherwise, or when the value is unknown or does not
/// fit, reading tries variants in declaration order and keeps the first whose JSON kind fits (object, array,
/// string, number, boolean), so reading never fails.
/// </summary>
internal sealed record UnionVariantModel(string Name, TypeRef Type, EquatableArray<string> DiscriminatorValues = default);
