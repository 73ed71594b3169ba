using System;
using System.Collections.Generic;
using System.Threading;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Generator.Parsing;

/// <summary>
/// Typed access to the node tree of one spec, with the diagnostics found so far (<see cref="SpecDiagnostics"/>).
/// Accessors return null for an absent field and throw <see cref="SpecProblemException"/> (CMU1007) for a field of
/// the wrong shape.
/// </summary>
internal sealed class NodeReader : SpecDiagnostics
{
    public NodeReader(string path, CancellationToken cancellationToken)
        : base(path)
    {
        CancellationToken = cancellationToken;
    }

    public CancellationToken CancellationToken { get; }

    public void ThrowIfCancellationRequested() => CancellationToken.ThrowIfCancellationRequested();

    /// <summary>The entries of a mapping whose keys are scalars, in document order.</summary>
    public static IEnumerable<KeyValuePair<SpecScalarNode, SpecNode>> Entries(SpecMappingNode map)
    {
        foreach (var entry in map.Children)
        {
            if (entry.Key is SpecScalarNode key && key.Value is not null)
            {
                yield return new KeyValuePair<SpecScalarNode, SpecNode>(key, entry.Value);
            }
            else
            {
                throw SpecProblemException.InvalidValue(entry.Key, "key", "a string");
            }
        }
    }

    public static SpecScalarNode? FindKey(SpecMappingNode map, string key)
    {
        foreach (var entry in map.Children)
        {
            if (entry.Key is SpecScalarNode scalar && string.Equals(scalar.Value, key, StringComparison.Ordinal))
            {
                return scalar;
            }
        }

        return null;
    }

    public static SpecNode? Find(SpecMappingNode map, string key)
    {
        foreach (var entry in map.Children)
        {
            if (entry.Key is SpecScalarNode scalar && string.Equals(scalar.Value, key, StringComparison.Ordinal))
            {
                return entry.Value;
            }
        }

        return null;
    }

    public static bool Has(SpecMappingNode map, string key) => FindKey(map, key) is not null;

    /// <summary>A plain (unquoted) null, <c>~</c> or empty scalar.</summary>
    public static bool IsNull(SpecNode? node) =>
        node is SpecScalarNode scalar
        && scalar.Style == ScalarStyle.Plain
        && (scalar.Value is null || scalar.Value.Length == 0 || scalar.Value == "~"
            || string.Equals(scalar.Value, "null", StringComparison.OrdinalIgnoreCase));

    public static bool IsQuoted(SpecScalarNode scalar) =>
        scalar.Style != ScalarStyle.Plain;

    public static SpecMappingNode? Mapping(SpecMappingNode map, string key)
    {
        var node = Find(map, key);
        return node switch
        {
            null => null,
            _ when IsNull(node) => null,
            SpecMappingNode m => m,
            _ => throw SpecProblemException.InvalidValue(node, key, "a mapping"),
        };
    }

    public static SpecSequenceNode? Sequence(SpecMappingNode map, string key)
    {
        var node = Find(map, key);
        return node switch
        {
            null => null,
            _ when IsNull(node) => null,
            SpecSequenceNode s => s,
            _ => throw SpecProblemException.InvalidValue(node, key, "a list"),
        };
    }

    public static string? String(SpecMappingNode map, string key)
    {
        var node = Find(map, key);
        return node switch
        {
            null => null,
            _ when IsNull(node) => null,
            SpecScalarNode s => s.Value,
            _ => throw SpecProblemException.InvalidValue(node, key, "a string"),
        };
    }

    public static string RequiredString(SpecMappingNode map, string key)
    {
        var value = String(map, key);
        if (value is null || value.Length == 0)
        {
            throw SpecProblemException.InvalidValue(map, key, "a non-empty string (it is missing)");
        }

        return value;
    }

    public static bool? Boolean(SpecMappingNode map, string key)
    {
        var node = Find(map, key);
        if (node is null || IsNull(node))
        {
            return null;
        }

        if (node is SpecScalarNode { Value: { } text } && !IsQuoted((SpecScalarNode)node))
        {
            if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        throw SpecProblemException.InvalidValue(node, key, "true or false");
    }

    /// <summary>Reads a field, and on a wrong shape reports it and returns the fallback (skipping only that field).</summary>
    public T Tolerant<T>(Func<T> read, T fallback, string skipped)
    {
        try
        {
            return read();
        }
        catch (SpecProblemException problem)
        {
            Report(problem, skipped);
            return fallback;
        }
    }
}
