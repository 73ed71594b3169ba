using System;
using System.Collections.Generic;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Naming;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Generator.Parsing;

/// <summary>Building the named types: objects (allOf flattened), string enums and unions.</summary>
internal sealed partial class SchemaReader
{
    private void Build(SchemaShapeKind shape, SpecMappingNode schema, string name, string? description)
    {
        var model = shape switch
        {
            SchemaShapeKind.Enum => BuildEnum(schema, name, description),
            SchemaShapeKind.Union => BuildUnion(schema, name, description),
            _ => BuildObject(schema, name, description),
        };
        _registry.Complete(model);
    }

    private TypeModel BuildObject(SpecMappingNode schema, string name, string? description)
    {
        var collected = new CollectedProperties();
        Flatten(schema, name, collected, new HashSet<SpecNode>(NodeIdentity.Comparer));

        var taken = new HashSet<string>(StringComparer.Ordinal) { name };
        var properties = new List<PropertyModel>();
        foreach (var property in collected.Properties)
        {
            _reader.ThrowIfCancellationRequested();
            var pascal = CSharpNames.Pascal(property.JsonName, "Property");
            try
            {
                var type = Read(property.Schema, name + pascal);
                var propertyName = pascal == name ? pascal + "Value" : pascal;
                properties.Add(new PropertyModel(
                    property.JsonName,
                    RuntimeNames.MakeUnique(propertyName, taken),
                    type,
                    collected.Required.Contains(property.JsonName),
                    property.Schema is SpecMappingNode map ? _reader.Tolerant(() => NodeReader.String(map, "description"), null, "the description") : null));
            }
            catch (SpecProblemException problem)
            {
                _reader.Report(problem, "the property '" + property.JsonName + "' of '" + name + "'");
            }
        }

        TypeRef? additional = null;
        if (collected.AdditionalProperties is { } owner)
        {
            try
            {
                additional = ReadAdditionalProperties(owner, name);
            }
            catch (SpecProblemException problem)
            {
                _reader.Report(problem, "the additional properties of '" + name + "'");
            }
        }

        return new TypeModel(TypeModelKind.Object, name, description, properties.ToEquatableArray(), additional,
            EquatableArray<EnumMemberModel>.Empty, EquatableArray<UnionVariantModel>.Empty);
    }

    /// <summary>
    /// Collects the properties of a schema and, recursively, of its allOf members (references
    /// followed) in declaration order; required names are unioned, a later property of the same
    /// name replaces the earlier one in its place.
    /// </summary>
    private void Flatten(SpecMappingNode schema, string owner, CollectedProperties collected, HashSet<SpecNode> visiting)
    {
        if (!visiting.Add(schema))
        {
            throw SpecProblemException.Unresolved(schema, "allOf", "the allOf members include each other");
        }

        try
        {
            var members = _reader.Tolerant(() => NodeReader.Sequence(schema, "allOf"), null, "the allOf of '" + owner + "'");
            foreach (var member in members?.Children ?? Array.Empty<SpecNode>())
            {
                try
                {
                    Flatten(_references.Follow(member, "allOf member"), owner, collected, visiting);
                }
                catch (SpecProblemException problem)
                {
                    _reader.Report(problem, "an allOf member of '" + owner + "'");
                }
            }

            var properties = _reader.Tolerant(() => NodeReader.Mapping(schema, "properties"), null, "the properties of '" + owner + "'");
            if (properties is not null)
            {
                foreach (var entry in properties.Children)
                {
                    if (entry.Key is SpecScalarNode { Value: { } jsonName })
                    {
                        collected.Set(jsonName, entry.Value);
                    }
                    else
                    {
                        _reader.Report(DiagnosticDescriptors.InvalidValue, entry.Key, "property name", "a string", "a property of '" + owner + "'");
                    }
                }
            }

            var required = _reader.Tolerant(() => NodeReader.Sequence(schema, "required"), null, "the required list of '" + owner + "'");
            foreach (var item in required?.Children ?? Array.Empty<SpecNode>())
            {
                if (item is SpecScalarNode { Value: { } requiredName })
                {
                    collected.Required.Add(requiredName);
                }
            }

            if (NodeReader.Has(schema, "additionalProperties"))
            {
                collected.AdditionalProperties = schema;
            }
        }
        finally
        {
            visiting.Remove(schema);
        }
    }

    private TypeModel BuildEnum(SpecMappingNode schema, string name, string? description)
    {
        // The struct's own members (and those the compiler writes for a record struct) are not free for values.
        var taken = new HashSet<string>(StringComparer.Ordinal)
        {
            name, "Value", "IsKnown", "KnownValues", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "PrintMembers",
        };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<EnumMemberModel>();
        foreach (var value in NodeReader.Sequence(schema, "enum")!.Children)
        {
            if (NodeReader.IsNull(value))
            {
                continue; // makes the type nullable (see SchemaShape.IsNullable)
            }

            if (value is not SpecScalarNode { Value: { } text })
            {
                _reader.Report(DiagnosticDescriptors.InvalidValue, value, "enum value", "a string", "the value");
                continue;
            }

            if (!seen.Add(text))
            {
                continue;
            }

            var memberName = CSharpNames.PascalWords(text);
            if (memberName.Length == 0 || char.IsDigit(memberName[0]))
            {
                memberName = "Value" + memberName;
            }

            if (memberName == name)
            {
                memberName += "Value";
            }

            members.Add(new EnumMemberModel(RuntimeNames.MakeUnique(memberName, taken), text, null));
        }

        return new TypeModel(TypeModelKind.Enum, name, description, EquatableArray<PropertyModel>.Empty, null,
            members.ToEquatableArray(), EquatableArray<UnionVariantModel>.Empty);
    }

    /// <summary>
    /// oneOf/anyOf. With a <c>discriminator</c> (see <see cref="DiscriminatorReader"/>), each $ref variant takes the
    /// values that name it; the emitted reader picks the variant by the value and falls back, as without one, to
    /// trying the variants in declaration order and keeping the first whose JSON kind fits.
    /// </summary>
    private TypeModel BuildUnion(SpecMappingNode schema, string name, string? description)
    {
        var keyword = SchemaShape.MeaningfulCount(schema, "oneOf") > 1 ? "oneOf" : "anyOf";
        var taken = new HashSet<string>(StringComparer.Ordinal) { name };
        var variants = new List<UnionVariantModel>();
        var discriminator = DiscriminatorReader.Read(schema);
        var index = 0;
        foreach (var member in NodeReader.Sequence(schema, keyword)!.Children)
        {
            _reader.ThrowIfCancellationRequested();
            if (SchemaShape.IsNullSchema(member) || !SchemaShape.IsMeaningful(member))
            {
                continue;
            }

            index++;
            try
            {
                var type = Read(member, name + "Variant" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var variantName = VariantName(type);
                if (variantName == name)
                {
                    variantName += "Value";
                }

                variants.Add(new UnionVariantModel(RuntimeNames.MakeUnique(variantName, taken), type, discriminator?.ValuesOf(member) ?? default));
            }
            catch (SpecProblemException problem)
            {
                _reader.Report(problem, "a " + keyword + " variant of '" + name + "'");
            }
        }

        return new TypeModel(TypeModelKind.Union, name, description, EquatableArray<PropertyModel>.Empty, null,
            EquatableArray<EnumMemberModel>.Empty, variants.ToEquatableArray(), discriminator?.PropertyName);
    }

    private static string VariantName(TypeRef type) => type.Kind switch
    {
        TypeKind.Named => type.Name!,
        TypeKind.Array => VariantName(type.Item ?? TypeRef.Any) + "List",
        TypeKind.Map => VariantName(type.Item ?? TypeRef.Any) + "Map",
        _ => type.Kind.ToString(),
    };

    private sealed class CollectedProperties
    {
        private readonly List<(string JsonName, SpecNode Schema)> _properties = new();

        public IReadOnlyList<(string JsonName, SpecNode Schema)> Properties => _properties;

        public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

        public SpecMappingNode? AdditionalProperties { get; set; }

        public void Set(string jsonName, SpecNode schema)
        {
            for (var i = 0; i < _properties.Count; i++)
            {
                if (_properties[i].JsonName == jsonName)
                {
                    _properties[i] = (jsonName, schema);
                    return;
                }
            }

            _properties.Add((jsonName, schema));
        }
    }
}
