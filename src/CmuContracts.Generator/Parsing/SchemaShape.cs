using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Generator.Parsing;

/// <summary>What a schema becomes: a generated type of some kind, or an inline TypeRef (primitive, array, map, any, ref).</summary>
internal enum SchemaShapeKind
{
    Inline,
    Object,
    Enum,
    Union,
}

/// <summary>
/// Static facts about a schema node: its shape, its nullability, its declared types and the
/// primitive it maps to. Nothing here follows a $ref or creates a type.
/// </summary>
internal static class SchemaShape
{
    private static readonly string[] Compositions = { "allOf", "oneOf", "anyOf" };

    private static readonly string[] MeaningfulKeywords =
    {
        "$ref", "type", "properties", "additionalProperties", "items", "allOf", "oneOf", "anyOf", "enum", "const",
    };

    /// <summary>
    /// Strips wrappers that add nothing but nullability or a description: a composition with exactly
    /// one member that carries meaning (<c>allOf: [$ref]</c> plus <c>nullable</c>, or a 3.1
    /// <c>oneOf: [X, {type: 'null'}]</c>) is that member. Stops at a $ref.
    /// </summary>
    public static SpecMappingNode Unwrap(SpecMappingNode schema, ref bool nullable)
    {
        while (true)
        {
            nullable |= IsNullable(schema);
            if (NodeReader.Has(schema, "$ref") || HasProperties(schema))
            {
                return schema;
            }

            var types = NonNullTypes(schema);
            if (types.Count > 1 || (types.Count == 1 && types[0] != "object"))
            {
                return schema;
            }

            SpecMappingNode? single = null;
            var compositions = 0;
            foreach (var keyword in Compositions)
            {
                if (NodeReader.Sequence(schema, keyword) is not { } members)
                {
                    continue;
                }

                compositions++;
                var meaningful = new List<SpecNode>();
                foreach (var member in members.Children)
                {
                    if (IsNullSchema(member))
                    {
                        nullable = true;
                    }
                    else if (IsMeaningful(member))
                    {
                        meaningful.Add(member);
                    }
                }

                if (meaningful.Count == 1 && meaningful[0] is SpecMappingNode only)
                {
                    single = only;
                }
                else if (meaningful.Count > 0)
                {
                    return schema;
                }
            }

            if (compositions != 1 || single is null)
            {
                return schema;
            }

            schema = single;
        }
    }

    /// <summary>The shape of an unwrapped schema (see <see cref="Unwrap"/>).</summary>
    public static SchemaShapeKind Classify(SpecMappingNode schema)
    {
        if (NodeReader.Has(schema, "$ref"))
        {
            return SchemaShapeKind.Inline;
        }

        var types = NonNullTypes(schema);
        if (types.Count > 1)
        {
            return SchemaShapeKind.Inline;
        }

        var type = types.Count == 1 ? types[0] : null;
        if ((type is null or "object") && (HasProperties(schema) || MeaningfulCount(schema, "allOf") > 0))
        {
            return SchemaShapeKind.Object;
        }

        if ((type is null or "object") && (MeaningfulCount(schema, "oneOf") > 1 || MeaningfulCount(schema, "anyOf") > 1))
        {
            return SchemaShapeKind.Union;
        }

        if (NodeReader.Sequence(schema, "enum") is { } values && (type == "string" || (type is null && InferType(schema) == "string")))
        {
            return values.Children.Length > 0 ? SchemaShapeKind.Enum : SchemaShapeKind.Inline;
        }

        return SchemaShapeKind.Inline;
    }

    public static bool HasProperties(SpecMappingNode schema) => NodeReader.Mapping(schema, "properties") is { Children.Length: > 0 };

    /// <summary>3.0 <c>nullable: true</c>, a 3.1 <c>"null"</c> type, a null enum value or <c>const: null</c>.</summary>
    public static bool IsNullable(SpecMappingNode schema)
    {
        if (NodeReader.Boolean(schema, "nullable") == true || AllTypes(schema).Contains("null"))
        {
            return true;
        }

        if (NodeReader.Sequence(schema, "enum") is { } values)
        {
            foreach (var value in values.Children)
            {
                if (NodeReader.IsNull(value))
                {
                    return true;
                }
            }
        }

        return NodeReader.Find(schema, "const") is { } constant && NodeReader.IsNull(constant);
    }

    /// <summary>A 3.1 <c>{type: 'null'}</c> member.</summary>
    public static bool IsNullSchema(SpecNode node) =>
        node is SpecMappingNode map && AllTypes(map) is { Count: 1 } types && types[0] == "null";

    /// <summary>A member that says what a value is (not only a description or a constraint).</summary>
    public static bool IsMeaningful(SpecNode node)
    {
        if (node is not SpecMappingNode map)
        {
            return false;
        }

        foreach (var key in MeaningfulKeywords)
        {
            if (NodeReader.Has(map, key))
            {
                return true;
            }
        }

        return false;
    }

    public static int MeaningfulCount(SpecMappingNode schema, string keyword)
    {
        var count = 0;
        if (NodeReader.Sequence(schema, keyword) is { } members)
        {
            foreach (var member in members.Children)
            {
                if (IsMeaningful(member) && !IsNullSchema(member))
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>The <c>type</c> (3.0: one name; 3.1: one name or a list).</summary>
    public static IReadOnlyList<string> AllTypes(SpecMappingNode schema)
    {
        var node = NodeReader.Find(schema, "type");
        switch (node)
        {
            case null:
                return Array.Empty<string>();
            case SpecScalarNode { Value: { } single } when !NodeReader.IsNull(node):
                return new[] { single };
            case SpecSequenceNode list:
                var types = new List<string>();
                foreach (var item in list.Children)
                {
                    types.Add(item is SpecScalarNode { Value: { } name } && !NodeReader.IsNull(item)
                        ? name
                        : throw SpecProblemException.InvalidValue(item, "type", "a type name"));
                }

                return types;
            default:
                throw SpecProblemException.InvalidValue(node, "type", "a type name or a list of type names");
        }
    }

    public static IReadOnlyList<string> NonNullTypes(SpecMappingNode schema)
    {
        var all = AllTypes(schema);
        if (!all.Contains("null"))
        {
            return all;
        }

        var types = new List<string>();
        foreach (var type in all)
        {
            if (type != "null")
            {
                types.Add(type);
            }
        }

        return types;
    }

    /// <summary>The type a schema without <c>type</c> implies by its other keywords, or null.</summary>
    public static string? InferType(SpecMappingNode schema)
    {
        if (NodeReader.Find(schema, "const") is { } constant && !NodeReader.IsNull(constant))
        {
            return TypeOfValue(constant);
        }

        if (NodeReader.Sequence(schema, "enum") is { } values)
        {
            foreach (var value in values.Children)
            {
                if (!NodeReader.IsNull(value))
                {
                    return TypeOfValue(value);
                }
            }
        }

        if (NodeReader.Has(schema, "items"))
        {
            return "array";
        }

        return NodeReader.Has(schema, "properties") || NodeReader.Has(schema, "additionalProperties") ? "object" : null;
    }

    /// <summary>The JSON type of a literal: quoted scalars are strings, plain ones are read as JSON would.</summary>
    public static string TypeOfValue(SpecNode value)
    {
        switch (value)
        {
            case SpecMappingNode:
                return "object";
            case SpecSequenceNode:
                return "array";
            case SpecScalarNode scalar when !NodeReader.IsQuoted(scalar) && scalar.Value is { } text:
                if (text is "true" or "false")
                {
                    return "boolean";
                }

                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    return "integer";
                }

                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "number" : "string";
            default:
                return "string";
        }
    }

    /// <summary>The TypeRef of a primitive type name and format (null for array/object/unknown).</summary>
    public static TypeRef? Primitive(string type, string? format) => type switch
    {
        "integer" => new TypeRef(format == "int64" ? TypeKind.Int64 : TypeKind.Int32),
        "number" => new TypeRef(format switch
        {
            "float" => TypeKind.Float,
            "decimal" => TypeKind.Decimal,
            _ => TypeKind.Double,
        }),
        "string" => new TypeRef(format switch
        {
            "date" => TypeKind.Date,
            "date-time" => TypeKind.DateTime,
            "uuid" => TypeKind.Guid,
            "uri" => TypeKind.Uri,
            "byte" or "binary" => TypeKind.Bytes,
            _ => TypeKind.String,
        }),
        "boolean" => new TypeRef(TypeKind.Boolean),
        _ => null,
    };
}
