using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>
/// How a <see cref="TypeRef"/> is spelled in C#. Collections are spelled short: every file generated from a spec
/// imports <c>System.Collections.Generic</c> (see <see cref="SourceWriter.SpecFileHeader"/>), and no schema can
/// shadow them, because generated types are never generic.
/// </summary>
internal static class CSharpTypes
{
    /// <summary>The C# type; <paramref name="nullable"/> adds <c>?</c> (value types become Nullable).</summary>
    public static string Of(TypeRef type, bool nullable = false)
    {
        var name = type.Kind switch
        {
            TypeKind.Any => "global::System.Text.Json.JsonElement",
            TypeKind.String => "string",
            TypeKind.Boolean => "bool",
            TypeKind.Int32 => "int",
            TypeKind.Int64 => "long",
            TypeKind.Float => "float",
            TypeKind.Double => "double",
            TypeKind.Decimal => "decimal",
            TypeKind.Date => "global::System.DateOnly",
            TypeKind.DateTime => "global::System.DateTimeOffset",
            TypeKind.Guid => "global::System.Guid",
            TypeKind.Uri => "global::System.Uri",
            TypeKind.Bytes => "byte[]",
            TypeKind.Array => "IReadOnlyList<" + Of(type.Item ?? TypeRef.Any, type.Item?.IsNullable ?? false) + ">",
            TypeKind.Map => "IReadOnlyDictionary<string, " + Of(type.Item ?? TypeRef.Any, type.Item?.IsNullable ?? false) + ">",
            _ => type.Name ?? "global::System.Text.Json.JsonElement",
        };
        return nullable || type.IsNullable ? name + "?" : name;
    }

    /// <summary>The concrete collection used when reading into <see cref="Of"/>.</summary>
    public static string ConcreteCollection(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => "List<" + Of(type.Item ?? TypeRef.Any, type.Item?.IsNullable ?? false) + ">",
        TypeKind.Map => "Dictionary<string, " + Of(type.Item ?? TypeRef.Any, type.Item?.IsNullable ?? false) + ">",
        _ => Of(type),
    };

    /// <summary>True when the C# type is a struct (so nullability means Nullable&lt;T&gt;).</summary>
    public static bool IsValueType(TypeRef type, ApiModelIndex index) => type.Kind switch
    {
        TypeKind.String or TypeKind.Uri or TypeKind.Bytes or TypeKind.Array or TypeKind.Map => false,
        TypeKind.Named => index.IsValueType(type.Name),
        _ => true,
    };
}
