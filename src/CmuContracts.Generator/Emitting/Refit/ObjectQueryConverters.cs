using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting.Refit;

/// <summary>
/// A Refit <c>IQueryConverter</c> per object type some operation takes as a query parameter (exploded form:
/// <c>a=1&amp;b=2</c>; deepObject: <c>name[a]=1</c>, the prefix <c>name[</c> closed after each property): its scalar
/// properties by their spec names, invariant text, lists one pair per item, unset ones left out. Refit's generator
/// calls the same converter for the same <c>[QueryConverter]</c>, so both send the same query.
/// </summary>
internal static class ObjectQueryConverters
{
    public static bool IsObject(TypeRef type, ApiModelIndex index) => type.Kind == TypeKind.Named && index.Find(type.Name)?.Kind == TypeModelKind.Object;

    public static string Name(TypeRef type) => type.Name + "QueryConverter";

    public static IEnumerable<GeneratedFile> Emit(ApiModelIndex index, string source)
    {
        var model = index.Model;
        var types = model.Clients.SelectMany(c => c.Operations).SelectMany(o => o.Parameters)
            .Where(p => p.Location == ParameterLocation.Query && IsObject(p.Type, index))
            .Select(p => p.Type.Name!).Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToList();
        if (types.Count == 0)
        {
            yield break;
        }

        var w = new SourceWriter().SpecFileHeader(source);
        w.Line("namespace ", model.Namespace, ".Internal;");
        foreach (var name in types)
        {
            var type = index.Find(name)!;
            var csharp = "global::" + model.Namespace + "." + name;
            w.Line();
            w.Line("/// <summary>Flattens <see cref=\"", csharp, "\"/> into query pairs, one per property that has a value.</summary>");
            w.Open("public sealed class " + name + "QueryConverter : global::Refit.IQueryConverter<" + csharp + ">");
            w.Line("/// <inheritdoc />");
            w.Open("public void Flatten(" + csharp + " value, string prefix, ref global::Refit.GeneratedQueryStringBuilder builder, global::Refit.RefitSettings settings)");
            w.Line("var close = prefix.EndsWith(\"[\", global::System.StringComparison.Ordinal) ? \"]\" : string.Empty;");
            var i = 0;
            foreach (var property in type.Properties)
            {
                var key = "prefix + " + Literals.String(property.JsonName) + " + close";
                var local = "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var valueType = CSharpTypes.IsValueType(property.Type, index) && property.Type.Kind != TypeKind.Array;
                var optional = !property.IsRequired || property.Type.IsNullable || !valueType;
                if (property.Type.Kind == TypeKind.Array)
                {
                    w.Open("if (value." + property.Name + " is { } " + local + ")");
                    w.Open("foreach (var item in " + local + ")");
                    w.Line("builder.Add(", key, ", ", Text(property.Type.Item!, "item", index), ", false);");
                    w.Close();
                    w.Close();
                }
                else if (optional)
                {
                    w.Open("if (value." + property.Name + " is { } " + local + ")");
                    w.Line("builder.Add(", key, ", ", Text(property.Type, local, index), ", false);");
                    w.Close();
                }
                else
                {
                    w.Line("builder.Add(", key, ", ", Text(property.Type, "value." + property.Name, index), ", false);");
                }

                i++;
            }

            w.Close();
            w.Close();
        }

        yield return new GeneratedFile(model.HintPrefix + ".Internal.QueryObjectConverters.g.cs", w.ToString());
    }

    /// <summary>The query text of a scalar (no nulls here: callers unwrap them).</summary>
    private static string Text(TypeRef type, string value, ApiModelIndex index) => type.Kind switch
    {
        TypeKind.String => value,
        TypeKind.Uri => value + ".OriginalString",
        TypeKind.Boolean => "(" + value + " ? \"true\" : \"false\")",
        TypeKind.Date => value + ".ToString(\"yyyy-MM-dd\", global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeKind.DateTime => value + ".ToString(\"o\", global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double or TypeKind.Decimal => value + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
        _ => value + ".ToString()",
    };
}
