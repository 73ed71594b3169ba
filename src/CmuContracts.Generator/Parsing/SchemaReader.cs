using System;
using System.Collections.Generic;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Naming;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Generator.Parsing;

/// <summary>
/// Schemas to TypeRefs. Component schemas that are objects, string enums or unions become named
/// types (names taken first, in document order, so references and recursion resolve by name);
/// every other component schema is an alias whose uses inline its TypeRef. Inline schemas that
/// need a type are named from where they stand (the <c>hint</c>: <c>{Owner}{Property}</c>,
/// <c>{Operation}Request</c>, ...). Read throws <see cref="SpecProblemException"/>; the caller skips
/// the construct that needed the schema.
/// </summary>
internal sealed partial class SchemaReader
{
    private readonly NodeReader _reader;
    private readonly ReferenceResolver _references;
    private readonly TypeRegistry _registry;
    private readonly Dictionary<string, Component> _components = new(StringComparer.Ordinal);
    private readonly List<Component> _componentOrder = new();
    private readonly Dictionary<SpecNode, TypeRef> _namedNodes = new(NodeIdentity.Comparer);
    private readonly HashSet<SpecNode> _reading = new(NodeIdentity.Comparer);
    private readonly HashSet<SpecNode> _followingReferences = new(NodeIdentity.Comparer);

    public SchemaReader(NodeReader reader, ReferenceResolver references, TypeRegistry registry)
    {
        _reader = reader;
        _references = references;
        _registry = registry;
    }

    /// <summary>Every component type and every TypeRef handed out so far, for reachability.</summary>
    public bool IsObject(TypeRef type) =>
        type.Kind == TypeKind.Named && type.Name is not null && _registry.KindOf(type.Name) == TypeModelKind.Object;

    /// <summary>First pass over components.schemas: the named types take their names in document order.</summary>
    public void DeclareComponents(SpecMappingNode schemas)
    {
        foreach (var entry in NodeReader.Entries(schemas))
        {
            _reader.ThrowIfCancellationRequested();
            var key = entry.Key.Value!;
            var component = new Component(key, entry.Key, entry.Value);
            _components[key] = component;
            _componentOrder.Add(component);
            if (entry.Value is not SpecMappingNode map)
            {
                continue;
            }

            try
            {
                var nullable = false;
                var effective = SchemaShape.Unwrap(map, ref nullable);
                var shape = SchemaShape.Classify(effective);
                if (shape == SchemaShapeKind.Inline)
                {
                    continue;
                }

                component.Effective = effective;
                component.Shape = shape;
                component.Nullable = nullable;
                var name = _registry.Reserve(key, CSharpNames.Pascal(key, "Schema"), KindOf(shape), entry.Key, isComponent: true);
                component.Named = new TypeRef(TypeKind.Named, name, IsNullable: nullable);
                _namedNodes[effective] = TypeRef.Named(name);
            }
            catch (SpecProblemException)
            {
                // Read again (and reported) as an alias in the second pass.
                component.Shape = SchemaShapeKind.Inline;
            }
        }
    }

    /// <summary>Second pass: builds the component types and resolves aliases, reporting problems per schema.</summary>
    public void ReadComponents()
    {
        foreach (var component in _componentOrder)
        {
            _reader.ThrowIfCancellationRequested();
            if (component.Named is { Name: { } name })
            {
                var description = _reader.Tolerant(() => NodeReader.String((SpecMappingNode)component.Node, "description"), null, "the description");
                Build(component.Shape, component.Effective!, name, description);
            }
            else if (component.Alias is null && component.Failure is null)
            {
                try
                {
                    ResolveAlias(component, component.KeyNode);
                }
                catch (SpecProblemException)
                {
                    // Reported by ResolveAlias at the schema itself.
                }
            }
        }
    }

    /// <summary>The TypeRef of a schema node.</summary>
    /// <summary>The kind of a named type read so far (enum, object, union), or null.</summary>
    public TypeModelKind? KindOf(TypeRef type) => type.Kind == TypeKind.Named && type.Name is not null ? _registry.KindOf(type.Name) : null;

    /// <summary>The finished model of a named type, or null.</summary>
    public TypeModel? ModelOf(TypeRef type) => type.Kind == TypeKind.Named && type.Name is not null ? _registry.ModelOf(type.Name) : null;

    public TypeRef Read(SpecNode node, string hint)
    {
        _reader.ThrowIfCancellationRequested();
        if (node is SpecScalarNode { Value: "true" or "false" } && !NodeReader.IsQuoted((SpecScalarNode)node))
        {
            return TypeRef.Any; // 3.1 boolean schema
        }

        if (node is not SpecMappingNode map)
        {
            throw SpecProblemException.InvalidValue(node, "schema", "a mapping");
        }

        var nullable = false;
        var effective = SchemaShape.Unwrap(map, ref nullable);
        TypeRef type;
        if (ReferenceResolver.ReferenceOf(effective) is { } reference)
        {
            type = ReadReference(reference, NodeReader.Find(effective, "$ref")!, hint);
        }
        else if (_namedNodes.TryGetValue(effective, out var named))
        {
            type = named;
        }
        else if (SchemaShape.Classify(effective) is var shape && shape != SchemaShapeKind.Inline)
        {
            var name = _registry.Reserve(hint, hint, KindOf(shape), effective, isComponent: false);
            type = TypeRef.Named(name);
            _namedNodes[effective] = type;
            var description = NodeReader.String(effective, "description");
            Build(shape, effective, name, description);
        }
        else
        {
            if (!_reading.Add(effective))
            {
                throw SpecProblemException.Unsupported(effective, "A schema that contains itself without an object type in between");
            }

            try
            {
                type = ReadInline(effective, hint);
            }
            finally
            {
                _reading.Remove(effective);
            }
        }

        return nullable && !type.IsNullable ? type with { IsNullable = true } : type;
    }

    private TypeRef ReadReference(string reference, SpecNode at, string hint)
    {
        var segments = ReferenceResolver.Segments(reference, at);
        if (ReferenceResolver.ComponentKey(segments, "schemas") is { } key && _components.TryGetValue(key, out var component))
        {
            return component.Named ?? component.Alias ?? ResolveAlias(component, at, reference);
        }

        var target = _references.ResolvePointer(reference, at);
        if (!_followingReferences.Add(target))
        {
            throw SpecProblemException.Unresolved(at, reference, "the references form a cycle");
        }

        try
        {
            return Read(target, hint);
        }
        finally
        {
            _followingReferences.Remove(target);
        }
    }

    /// <summary>Reads an alias component once; its own problems are reported at the schema, its users see CMU1003.</summary>
    private TypeRef ResolveAlias(Component component, SpecNode at, string? reference = null)
    {
        reference ??= "#/components/schemas/" + component.Key;
        if (component.Failure is not null)
        {
            throw SpecProblemException.Unresolved(at, reference, "the schema '" + component.Key + "' could not be read");
        }

        if (component.Resolving)
        {
            throw SpecProblemException.Unresolved(at, reference, "the references form a cycle");
        }

        component.Resolving = true;
        try
        {
            component.Alias = Read(component.Node, CSharpNames.Pascal(component.Key, "Schema"));
            return component.Alias;
        }
        catch (SpecProblemException problem)
        {
            component.Failure = problem;
            _reader.Report(problem, "the schema '" + component.Key + "'");
            throw SpecProblemException.Unresolved(at, reference, "the schema '" + component.Key + "' could not be read");
        }
        finally
        {
            component.Resolving = false;
        }
    }

    /// <summary>A schema that needs no generated type: a primitive, an array, a map or free-form JSON.</summary>
    private TypeRef ReadInline(SpecMappingNode schema, string hint)
    {
        var types = SchemaShape.NonNullTypes(schema);
        if (types.Count > 1)
        {
            return TypeRef.Any; // 3.1 multi-type: nothing narrower fits all of them
        }

        var type = types.Count == 1 ? types[0] : SchemaShape.InferType(schema);
        switch (type)
        {
            case null:
                return TypeRef.Any;
            case "array":
                return NodeReader.Find(schema, "items") is { } items && !NodeReader.IsNull(items)
                    ? TypeRef.ArrayOf(Read(items, hint + "Item"))
                    : TypeRef.ArrayOf(TypeRef.Any);
            case "object":
                return ReadAdditionalProperties(schema, hint) is { } value ? TypeRef.MapOf(value) : TypeRef.Any;
            case "null":
                return TypeRef.Any with { IsNullable = true };
        }

        return SchemaShape.Primitive(type, NodeReader.String(schema, "format"))
            ?? throw SpecProblemException.InvalidValue(NodeReader.Find(schema, "type") ?? schema, "type", "one of string, number, integer, boolean, array, object or null");
    }

    /// <summary><c>additionalProperties</c>: null when absent or false, Any for true or {}, else the value schema's type.</summary>
    private TypeRef? ReadAdditionalProperties(SpecMappingNode schema, string ownerName)
    {
        var node = NodeReader.Find(schema, "additionalProperties");
        if (node is null || NodeReader.IsNull(node))
        {
            return null;
        }

        if (node is SpecScalarNode { Value: { } flag } scalar && !NodeReader.IsQuoted(scalar))
        {
            return flag switch
            {
                "true" => TypeRef.Any,
                "false" => null,
                _ => throw SpecProblemException.InvalidValue(node, "additionalProperties", "true, false or a schema"),
            };
        }

        return Read(node, ownerName + "Value");
    }

    private static TypeModelKind KindOf(SchemaShapeKind shape) => shape switch
    {
        SchemaShapeKind.Enum => TypeModelKind.Enum,
        SchemaShapeKind.Union => TypeModelKind.Union,
        _ => TypeModelKind.Object,
    };

    private sealed class Component
    {
        public Component(string key, SpecScalarNode keyNode, SpecNode node)
        {
            Key = key;
            KeyNode = keyNode;
            Node = node;
        }

        public string Key { get; }

        public SpecScalarNode KeyNode { get; }

        public SpecNode Node { get; }

        public SchemaShapeKind Shape { get; set; }

        public SpecMappingNode? Effective { get; set; }

        public bool Nullable { get; set; }

        /// <summary>The reference to the named type, for objects, enums and unions.</summary>
        public TypeRef? Named { get; set; }

        public TypeRef? Alias { get; set; }

        public bool Resolving { get; set; }

        public SpecProblemException? Failure { get; set; }
    }
}
