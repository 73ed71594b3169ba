using System.Collections.Generic;
using System.Runtime.CompilerServices;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CmuContracts.Generator.Parsing;

/// <summary>
/// The slow, exact path behind <see cref="SpecTreeLoader"/>: YamlDotNet's <c>YamlStream</c> reads the events
/// (aliases resolved, complex keys compared by structure, its own errors), and its tree is copied into
/// <see cref="SpecNode"/>s, shared and cyclic nodes staying shared.
/// </summary>
internal static class YamlStreamTree
{
    /// <summary>The root of the first document, or null when there is none.</summary>
    public static SpecNode? Load(IParser parser)
    {
        var stream = new YamlStream();
        stream.Load(parser);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not { } root)
        {
            return null;
        }

        return new Copier().Copy(root);
    }

    private sealed class Copier
    {
        private readonly Dictionary<YamlNode, SpecNode> _copies = new(Identity.Instance);
        private int _nextId;

        public SpecNode Copy(YamlNode node)
        {
            if (_copies.TryGetValue(node, out var copy))
            {
                return copy;
            }

            switch (node)
            {
                case YamlMappingNode map:
                    var mapping = new SpecMappingNode(_nextId++, map.Start, map.End);
                    _copies[node] = mapping;
                    var entries = new KeyValuePair<SpecNode, SpecNode>[map.Children.Count];
                    var i = 0;
                    foreach (var entry in map.Children)
                    {
                        entries[i++] = new KeyValuePair<SpecNode, SpecNode>(Copy(entry.Key), Copy(entry.Value));
                    }

                    mapping.Children = entries;
                    return mapping;
                case YamlSequenceNode seq:
                    var sequence = new SpecSequenceNode(_nextId++, seq.Start, seq.End);
                    _copies[node] = sequence;
                    var items = new SpecNode[seq.Children.Count];
                    for (var j = 0; j < items.Length; j++)
                    {
                        items[j] = Copy(seq.Children[j]);
                    }

                    sequence.Children = items;
                    return sequence;
                default:
                    var scalar = (YamlScalarNode)node;
                    copy = new SpecScalarNode(_nextId++, scalar.Start, scalar.End, scalar.Value ?? string.Empty, scalar.Style);
                    _copies[node] = copy;
                    return copy;
            }
        }
    }

    private sealed class Identity : IEqualityComparer<YamlNode>
    {
        public static readonly Identity Instance = new();

        public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlNode obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
