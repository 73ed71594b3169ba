namespace CmuContracts.Generator.Model;

/// <summary>The primitive and structural kinds a schema maps to.</summary>
internal enum TypeKind
{
    /// <summary>Free-form JSON (<c>{}</c>, untyped, or anything not representable): JsonElement.</summary>
    Any,
    String,
    Boolean,
    Int32,
    Int64,
    Float,
    Double,
    Decimal,
    /// <summary>format: date -> DateOnly.</summary>
    Date,
    /// <summary>format: date-time -> DateTimeOffset.</summary>
    DateTime,
    /// <summary>format: uuid -> Guid.</summary>
    Guid,
    /// <summary>format: uri -> Uri.</summary>
    Uri,
    /// <summary>format: byte or binary -> byte[] (base64 in JSON).</summary>
    Bytes,
    /// <summary>type: array -> IReadOnlyList of <see cref="TypeRef.Item"/>.</summary>
    Array,
    /// <summary>additionalProperties only -> IReadOnlyDictionary of string to <see cref="TypeRef.Item"/>.</summary>
    Map,
    /// <summary>A generated type (object, enum or union) named <see cref="TypeRef.Name"/>.</summary>
    Named,
}

/// <summary>
/// A use of a type: a primitive, a collection of an item type, or a generated type by name.
/// <see cref="IsNullable"/> is the schema's own nullability (3.0 <c>nullable: true</c> or 3.1
/// <c>type: [x, "null"]</c>); whether a property may be absent is <see cref="PropertyModel.IsRequired"/>.
/// </summary>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Item = null, bool IsNullable = false)
{
    public static TypeRef Any { get; } = new(TypeKind.Any);

    public static TypeRef String { get; } = new(TypeKind.String);

    public static TypeRef Named(string name) => new(TypeKind.Named, name);

    public static TypeRef ArrayOf(TypeRef item) => new(TypeKind.Array, Item: item);

    public static TypeRef MapOf(TypeRef item) => new(TypeKind.Map, Item: item);
}
