using System;
using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Generator.Naming;

/// <summary>
/// The named types of one spec. Names are unique ignoring case (they also name generated files),
/// never one the emitter reserves, and handed out in a deterministic order: component schemas in
/// document order first, then inline types in the order they were discovered.
/// </summary>
internal sealed class TypeRegistry
{
    private readonly SpecDiagnostics _reader;
    private readonly HashSet<string> _reserved;
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Slot> _components = new();
    private readonly List<Slot> _inline = new();
    private readonly Dictionary<string, Slot> _byName = new(StringComparer.Ordinal);

    public TypeRegistry(SpecDiagnostics reader, IEnumerable<string> reservedNames)
    {
        _reader = reader;
        _reserved = new HashSet<string>(reservedNames, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The names the emitter uses in the generated namespace, for a client name and its tag clients.</summary>
    public static IEnumerable<string> ReservedNames(string clientName, IEnumerable<string> clientNames)
    {
        yield return "ApiException";
        yield return "ApiResponse";
        // The operation index's runtime types.
        yield return "ApiOperation";
        yield return "ApiParameter";
        yield return "ApiParameterLocation";
        yield return "ApiServer";
        // The namespace of the generated helpers, and the names its code uses unqualified.
        yield return "Internal";
        yield return "JsonConverter";
        yield return "JsonPropertyName";
        yield return "JsonValueKind";
        yield return "Utf8JsonReader";
        yield return "Utf8JsonWriter";
        foreach (var name in RuntimeNames.Types.Concat(RuntimeNames.HelperMembers))
        {
            yield return name;
        }

        yield return "MapFormExplodedQueryConverter";
        yield return "ListMapFormExplodedQueryConverter";
        yield return clientName + "RefitRegistration";
        yield return clientName + "JsonContext";
        yield return clientName + "Json";
        yield return clientName + "ServiceCollectionExtensions";
        yield return clientName + "Operations";
        foreach (var client in clientNames)
        {
            yield return client + "Client";
            yield return "I" + client + "Client";
            yield return client + "Operations";
        }
    }

    /// <summary>A name is free when it is neither reserved nor taken.</summary>
    private bool IsFree(string name) => !_taken.Contains(name) && !_reserved.Contains(name);

    /// <summary>Takes a unique name for a type; a reserved or taken name is changed and reported (CMU1006).</summary>
    public string Reserve(string specName, string desired, TypeModelKind kind, SpecNode at, bool isComponent)
    {
        var name = desired;
        if (_reserved.Contains(name))
        {
            name += "Model";
        }

        var unique = name;
        for (var i = 2; !IsFree(unique); i++)
        {
            unique = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _taken.Add(unique);
        if (!string.Equals(unique, desired, StringComparison.Ordinal))
        {
            _reader.Report(DiagnosticDescriptors.NameCollision, at, specName, desired, unique);
        }

        var slot = new Slot(unique, kind);
        (isComponent ? _components : _inline).Add(slot);
        _byName[unique] = slot;
        return unique;
    }

    public void Complete(TypeModel model) => _byName[model.Name].Model = model;

    public TypeModelKind? KindOf(string name) => _byName.TryGetValue(name, out var slot) ? slot.Kind : null;

    /// <summary>The finished model of a type, or null while it is being read (or unknown).</summary>
    public TypeModel? ModelOf(string name) => _byName.TryGetValue(name, out var slot) ? slot.Model : null;

    /// <summary>
    /// The finished types: every component type (unless <paramref name="allComponents"/> is false), and the inline
    /// types reachable from them or from <paramref name="roots"/> (types discovered while reading something later
    /// skipped are dropped).
    /// </summary>
    public EquatableArray<TypeModel> ToTypes(IEnumerable<TypeRef> roots, bool allComponents = true)
    {
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<TypeRef>(roots);
        foreach (var slot in allComponents ? _components : Enumerable.Empty<Slot>())
        {
            pending.Push(TypeRef.Named(slot.Name));
        }

        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type.Item is not null)
            {
                pending.Push(type.Item);
            }

            if (type.Kind != TypeKind.Named || type.Name is null || !reachable.Add(type.Name))
            {
                continue;
            }

            if (_byName.TryGetValue(type.Name, out var slot) && slot.Model is { } model)
            {
                foreach (var property in model.Properties)
                {
                    pending.Push(property.Type);
                }

                if (model.AdditionalProperties is not null)
                {
                    pending.Push(model.AdditionalProperties);
                }

                foreach (var variant in model.Variants)
                {
                    pending.Push(variant.Type);
                }
            }
        }

        return _components.Concat(_inline)
            .Where(slot => slot.Model is not null && reachable.Contains(slot.Name))
            .Select(slot => slot.Model!)
            .ToEquatableArray();
    }

    private sealed class Slot
    {
        public Slot(string name, TypeModelKind kind)
        {
            Name = name;
            Kind = kind;
        }

        public string Name { get; }

        public TypeModelKind Kind { get; }

        public TypeModel? Model { get; set; }
    }
}
