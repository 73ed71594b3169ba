using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CmuContracts.Generator.Model;
using Microsoft.CodeAnalysis;

namespace CmuContracts.Generator.Parsing;

/// <summary>
/// Typed access to the YAML node tree of one spec, the diagnostics found so far, and the spec
/// locations of nodes. Accessors return null for an absent field and throw
/// <see cref="SpecProblemException"/> (CMU1007) for a field of the wrong shape.
/// </summary>
internal sealed class NodeReader
{
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public NodeReader(string path, CancellationToken cancellationToken)
    {
        Path = path;
        CancellationToken = cancellationToken;
    }

    public string Path { get; }

    public CancellationToken CancellationToken { get; }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    public void ThrowIfCancellationRequested() => CancellationToken.ThrowIfCancellationRequested();

    public void Report(DiagnosticDescriptor descriptor, SpecNode? node, params string[] args) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, Locate(node), args.ToEquatableArray()));

    public void Report(DiagnosticDescriptor descriptor, SpecMark start, SpecMark end, params string[] args) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, Locate(start, end), args.ToEquatableArray()));

    /// <summary>Reports a problem, naming what was skipped because of it.</summary>
    public void Report(SpecProblemException problem, string skipped)
    {
        var args = new string[problem.Args.Count + 1];
        for (var i = 0; i < problem.Args.Count; i++)
        {
            args[i] = problem.Args[i];
        }

        args[args.Length - 1] = skipped;
        Report(problem.Descriptor, problem.Node, args);
    }

    public LocationInfo Locate(SpecNode? node) =>
        node is null ? LocationInfo.FileStart(Path) : Locate(node.Start, EndOf(node));

    public LocationInfo Locate(SpecMark start, SpecMark end)
    {
        if (end.Index < start.Index)
        {
            end = start;
        }

        return new LocationInfo(
            Path,
            Math.Max(0, start.Index),
            Math.Max(0, end.Index),
            Math.Max(0, start.Line - 1),
            Math.Max(0, start.Column - 1),
            Math.Max(0, end.Line - 1),
            Math.Max(0, end.Column - 1));
    }

    /// <summary>A collection's End is its start (as YAML parsers report it): take the end of its last child.</summary>
    private static SpecMark EndOf(SpecNode node)
    {
        while (true)
        {
            switch (node)
            {
                case SpecMappingNode map when map.Children.Length > 0:
                    node = map.Children[map.Children.Length - 1].Value;
                    break;
                case SpecSequenceNode seq when seq.Children.Length > 0:
                    node = seq.Children[seq.Children.Length - 1];
                    break;
                default:
                    return node.End;
            }
        }
    }

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
