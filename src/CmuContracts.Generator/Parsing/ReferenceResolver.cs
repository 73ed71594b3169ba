using System;
using System.Collections.Generic;
using System.Globalization;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Generator.Parsing;

/// <summary>
/// Resolves local <c>$ref</c>s (<c>#/components/...</c> JSON pointers, <c>~0</c>/<c>~1</c> and
/// percent-escapes decoded) against the document root. External references are not supported
/// (CMU1003), and chains of references that come back to themselves are reported as circular.
/// </summary>
internal sealed class ReferenceResolver
{
    private readonly SpecNode _root;

    public ReferenceResolver(SpecNode root) => _root = root;

    /// <summary>The <c>$ref</c> of a node, or null when it is not a reference object.</summary>
    public static string? ReferenceOf(SpecNode node) =>
        node is SpecMappingNode map && NodeReader.Has(map, "$ref") ? NodeReader.RequiredString(map, "$ref") : null;

    /// <summary>The decoded segments of a local reference (<c>#/a/b</c> -> a, b).</summary>
    public static IReadOnlyList<string> Segments(string reference, SpecNode at)
    {
        if (!reference.StartsWith("#", StringComparison.Ordinal))
        {
            throw SpecProblemException.Unresolved(at, reference, "only references inside this document (starting with '#/') are supported");
        }

        var pointer = reference.Substring(1);
        if (pointer.Length == 0)
        {
            return Array.Empty<string>();
        }

        if (pointer[0] != '/')
        {
            throw SpecProblemException.Unresolved(at, reference, "a JSON pointer ('#/...') was expected after '#'");
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(pointer);
        }
        catch (UriFormatException)
        {
            decoded = pointer;
        }

        var parts = decoded.Substring(1).Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i].Replace("~1", "/").Replace("~0", "~");
        }

        return parts;
    }

    /// <summary>The component key when <paramref name="reference"/> is exactly <c>#/components/{section}/{key}</c>.</summary>
    public static string? ComponentKey(IReadOnlyList<string> segments, string section) =>
        segments.Count == 3 && segments[0] == "components" && segments[1] == section ? segments[2] : null;

    /// <summary>The node a local reference points to.</summary>
    public SpecNode ResolvePointer(string reference, SpecNode at)
    {
        var node = _root;
        foreach (var segment in Segments(reference, at))
        {
            SpecNode? next = node switch
            {
                SpecMappingNode map => NodeReader.Find(map, segment),
                SpecSequenceNode seq when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    && index < seq.Children.Length => seq.Children[index],
                _ => null,
            };

            node = next ?? throw SpecProblemException.Unresolved(at, reference, "'" + segment + "' does not exist in the document");
        }

        return node;
    }

    /// <summary>
    /// Follows a chain of reference objects (a response that is a $ref to a response that is a $ref...)
    /// to the first node that is not one; a chain that loops is reported as circular.
    /// </summary>
    public SpecMappingNode Follow(SpecNode node, string expected)
    {
        HashSet<SpecNode>? seen = null;
        while (true)
        {
            if (node is not SpecMappingNode map)
            {
                throw SpecProblemException.InvalidValue(node, expected, "a mapping");
            }

            var reference = ReferenceOf(map);
            if (reference is null)
            {
                return map;
            }

            seen ??= new HashSet<SpecNode>(NodeIdentity.Comparer);
            if (!seen.Add(map))
            {
                throw SpecProblemException.Unresolved(map, reference, "the references form a cycle");
            }

            node = ResolvePointer(reference, NodeReader.Find(map, "$ref")!);
        }
    }
}
