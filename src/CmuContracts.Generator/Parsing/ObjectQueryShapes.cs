using System.Linq;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Parsing;

/// <summary>
/// Query parameters that are maps or objects. Refit clients send free-form maps through generated query converters:
/// exploded form maps (<c>key=value</c>) and deepObject maps of strings (<c>name[key]=value</c>), and objects of
/// scalar properties through converters generated for their types. Every other object shape stays skipped with a
/// CMU1004 that names it.
/// </summary>
internal static class ObjectQueryShapes
{
    public static bool IsDeepObjectMap(TypeRef type, QueryStyle style) =>
        style == QueryStyle.DeepObject && type is { Kind: TypeKind.Map, Item: { Kind: TypeKind.String, IsNullable: false } };

    /// <summary>
    /// An object of scalar (or list of scalar) properties, exploded form (<c>a=1&amp;b=2</c>) or deepObject
    /// (<c>name[a]=1</c>): flattened by a converter generated for its type.
    /// </summary>
    public static bool IsFlatObject(TypeModel? model, QueryStyle style, bool explode, System.Func<TypeRef, bool> isScalar) =>
        model is { Kind: TypeModelKind.Object, AdditionalProperties: null, Properties.IsEmpty: false }
        && ((style == QueryStyle.Form && explode) || style == QueryStyle.DeepObject)
        && model.Properties.All(p => isScalar(p.Type) || (p.Type is { Kind: TypeKind.Array, Item: { } item } && isScalar(item)));

    /// <summary>The CMU1004 text for a query parameter no Refit binding sends.</summary>
    public static string Describe(string wireName, TypeRef type, QueryStyle style, bool explode, SchemaReader schemas)
    {
        var form = style switch
        {
            QueryStyle.DeepObject => "deepObject",
            QueryStyle.Form => explode ? "exploded form" : "non-exploded form",
            QueryStyle.SpaceDelimited => "spaceDelimited",
            _ => "pipeDelimited",
        };
        var shape = type.Kind switch
        {
            TypeKind.Map => "map of " + (type.Item is { Kind: TypeKind.Array } ? "lists" : type.Item?.Kind.ToString().ToLowerInvariant() ?? "values"),
            TypeKind.Array => "list of " + (type.Item is { Kind: TypeKind.Named } item && schemas.KindOf(item) is { } kind ? kind.ToString().ToLowerInvariant() + "s" : (type.Item?.Kind.ToString().ToLowerInvariant() ?? "values") + "s"),
            TypeKind.Named when schemas.KindOf(type) == TypeModelKind.Object => "object",
            TypeKind.Named when schemas.KindOf(type) == TypeModelKind.Union => "oneOf/anyOf",
            TypeKind.Any => "free-form value",
            _ => type.Kind.ToString().ToLowerInvariant(),
        };
        var article = "aeiou".IndexOf(form[0]) >= 0 ? "an " : "a ";
        return "The query parameter '" + wireName + "' (" + article + form + " " + shape
            + "; Refit clients send scalars, lists of scalars, exploded form maps of strings or string lists, deepObject maps of strings, and exploded form or deepObject objects of scalar properties)";
    }
}
