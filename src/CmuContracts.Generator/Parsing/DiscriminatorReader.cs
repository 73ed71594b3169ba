using System;
using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Generator.Parsing;

/// <summary>
/// A oneOf/anyOf's <c>discriminator</c>: the property name and which values name which variant. A <c>mapping</c>
/// entry names a schema by reference (<c>#/components/schemas/Dog</c>) or by name (<c>Dog</c>); a $ref variant no
/// entry names is named by its schema's name (the implicit mapping). Inline variants can only be told apart by shape.
/// </summary>
internal sealed class DiscriminatorReader
{
    private const string SchemasPrefix = "#/components/schemas/";

    private readonly List<KeyValuePair<string, string>> _mapping;

    private DiscriminatorReader(string propertyName, List<KeyValuePair<string, string>> mapping)
    {
        PropertyName = propertyName;
        _mapping = mapping;
    }

    public string PropertyName { get; }

    /// <summary>The discriminator of <paramref name="schema"/>, or null when it has none (or no property name).</summary>
    public static DiscriminatorReader? Read(SpecMappingNode schema)
    {
        if (NodeReader.Find(schema, "discriminator") is not SpecMappingNode discriminator
            || NodeReader.Find(discriminator, "propertyName") is not SpecScalarNode { Value: { Length: > 0 } propertyName })
        {
            return null;
        }

        var mapping = new List<KeyValuePair<string, string>>();
        if (NodeReader.Find(discriminator, "mapping") is SpecMappingNode entries)
        {
            foreach (var entry in NodeReader.Entries(entries))
            {
                if (entry.Value is SpecScalarNode { Value: { Length: > 0 } target })
                {
                    mapping.Add(new KeyValuePair<string, string>(entry.Key.Value!, SchemaName(target)));
                }
            }
        }

        return new DiscriminatorReader(propertyName, mapping);
    }

    /// <summary>The values that name the variant <paramref name="member"/>: its mapping entries, else its schema's name.</summary>
    public EquatableArray<string> ValuesOf(SpecNode member)
    {
        if (member is not SpecMappingNode map || NodeReader.Find(map, "$ref") is not SpecScalarNode { Value: { } reference } || !reference.StartsWith(SchemasPrefix, StringComparison.Ordinal))
        {
            return EquatableArray<string>.Empty;
        }

        var name = SchemaName(reference);
        var mapped = _mapping.Where(m => m.Value == name).Select(m => m.Key).ToList();
        return (mapped.Count > 0 ? mapped : new List<string> { name }).ToEquatableArray();
    }

    /// <summary><c>#/components/schemas/A~1B</c> -> <c>A/B</c>; a bare name stays as it is.</summary>
    private static string SchemaName(string target) => target.StartsWith(SchemasPrefix, StringComparison.Ordinal)
        ? target.Substring(SchemasPrefix.Length).Replace("~1", "/").Replace("~0", "~")
        : target;
}
