using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CmuContracts.Generator.Parsing;

/// <summary>
/// Builds the <see cref="SpecNode"/> tree of the first document from parsing events, consuming them exactly as
/// YamlDotNet's <c>YamlStream.Load</c> does (every document is read, so a later document's errors still count)
/// and throwing the same <see cref="YamlException"/> for a duplicate key. What it does not mirror itself (a key
/// that is not a scalar, an alias to an anchor not yet seen, an empty document) throws
/// <see cref="NeedsYamlStream"/>, and the caller reads the text again through <see cref="YamlStreamTree"/>.
/// </summary>
internal sealed class SpecTreeLoader
{
    /// <summary>Up to this many keys a mapping checks duplicates by a linear scan; beyond it, by a set.</summary>
    private const int LinearKeyScan = 8;

    private readonly IParser _parser;
    private readonly Dictionary<string, SpecNode> _anchors = new(StringComparer.Ordinal);

    // Entries and items of the collections being read, as stacks shared by all depths: each collection
    // takes its own range off the top once it ends, so reading allocates little besides the tree itself.
    private readonly List<KeyValuePair<SpecNode, SpecNode>> _entries = new();
    private readonly List<string?> _keyTags = new();
    private readonly List<SpecNode> _items = new();
    private int _nextId;

    private SpecTreeLoader(IParser parser) => _parser = parser;

    /// <summary>The root of the first document, or null when the stream has no document.</summary>
    public static SpecNode? Load(IParser parser) => new SpecTreeLoader(parser).LoadStream();

    private SpecNode? LoadStream()
    {
        Consume<StreamStart>();
        SpecNode? first = null;
        var documents = 0;
        while (!TryConsume<StreamEnd>())
        {
            var root = LoadDocument();
            if (documents++ == 0)
            {
                first = root;
            }
        }

        return first;
    }

    private SpecNode LoadDocument()
    {
        // Anchors are per document, as in YamlDotNet.
        _anchors.Clear();
        Consume<DocumentStart>();
        SpecNode? root = null;
        while (!TryConsume<DocumentEnd>())
        {
            root = LoadNode();
        }

        return root ?? throw new NeedsYamlStream();
    }

    private SpecNode LoadNode()
    {
        switch (Current())
        {
            case Scalar scalar:
                _parser.MoveNext();
                return Anchor(scalar, new SpecScalarNode(_nextId++, scalar.Start, scalar.End, scalar.Value, scalar.Style));
            case SequenceStart sequence:
                return LoadSequence(sequence);
            case MappingStart mapping:
                return LoadMapping(mapping);
            case AnchorAlias alias:
                _parser.MoveNext();
                return _anchors.TryGetValue(alias.Value.Value, out var target) ? target : throw new NeedsYamlStream();
            default:
                throw new NeedsYamlStream();
        }
    }

    private SpecSequenceNode LoadSequence(SequenceStart start)
    {
        _parser.MoveNext();
        var node = Anchor(start, new SpecSequenceNode(_nextId++, start.Start, start.End));
        var first = _items.Count;
        while (!TryConsume<SequenceEnd>())
        {
            _items.Add(LoadNode());
        }

        var items = new SpecNode[_items.Count - first];
        _items.CopyTo(first, items, 0, items.Length);
        _items.RemoveRange(first, items.Length);
        node.Children = items;
        return node;
    }

    private SpecMappingNode LoadMapping(MappingStart start)
    {
        _parser.MoveNext();
        var node = Anchor(start, new SpecMappingNode(_nextId++, start.Start, start.End));
        var first = _entries.Count;
        HashSet<(string? Tag, string Value)>? keys = null;
        while (!TryConsume<MappingEnd>())
        {
            // An alias or a collection as a key: YamlDotNet compares such keys by structure; let it.
            if (Current() is not Scalar keyEvent)
            {
                throw new NeedsYamlStream();
            }

            var key = (SpecScalarNode)LoadNode();
            var tag = keyEvent.Tag.IsEmpty ? null : keyEvent.Tag.Value;
            var value = LoadNode();
            if (IsDuplicate(first, tag, key.Value, ref keys))
            {
                // YamlDotNet's own error, after the value was read, at the second key.
                throw new YamlException(key.Start, key.End, "Duplicate key " + key.Value);
            }

            _entries.Add(new KeyValuePair<SpecNode, SpecNode>(key, value));
            _keyTags.Add(tag);
        }

        var entries = new KeyValuePair<SpecNode, SpecNode>[_entries.Count - first];
        _entries.CopyTo(first, entries, 0, entries.Length);
        _entries.RemoveRange(first, entries.Length);
        _keyTags.RemoveRange(first, entries.Length);
        node.Children = entries;
        return node;
    }

    /// <summary>Scalar keys are equal when tag and value are (YamlDotNet's scalar equality).</summary>
    private bool IsDuplicate(int first, string? tag, string value, ref HashSet<(string? Tag, string Value)>? keys)
    {
        if (keys is null)
        {
            if (_entries.Count - first < LinearKeyScan)
            {
                for (var i = first; i < _entries.Count; i++)
                {
                    if (string.Equals(((SpecScalarNode)_entries[i].Key).Value, value, StringComparison.Ordinal)
                        && string.Equals(_keyTags[i], tag, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }

            keys = new HashSet<(string? Tag, string Value)>();
            for (var i = first; i < _entries.Count; i++)
            {
                keys.Add((_keyTags[i], ((SpecScalarNode)_entries[i].Key).Value));
            }
        }

        return !keys.Add((tag, value));
    }

    private T Anchor<T>(NodeEvent yamlEvent, T node)
        where T : SpecNode
    {
        if (!yamlEvent.Anchor.IsEmpty)
        {
            _anchors[yamlEvent.Anchor.Value] = node;
        }

        return node;
    }

    /// <summary>The current event, reading the first one if none was read yet (YamlDotNet's <c>Accept</c>).</summary>
    private ParsingEvent Current()
    {
        if (_parser.Current is null && !_parser.MoveNext())
        {
            throw new EndOfStreamException();
        }

        return _parser.Current!;
    }

    private bool TryConsume<T>()
        where T : ParsingEvent
    {
        if (Current() is T)
        {
            _parser.MoveNext();
            return true;
        }

        return false;
    }

    private void Consume<T>()
        where T : ParsingEvent
    {
        if (!TryConsume<T>())
        {
            // Not a well-formed event stream: YamlDotNet's own reading reports it.
            throw new NeedsYamlStream();
        }
    }

    /// <summary>The events need YamlDotNet's own tree building to be read exactly as before.</summary>
    internal sealed class NeedsYamlStream : Exception
    {
        public NeedsYamlStream()
            : base("The document needs YamlDotNet's YamlStream")
        {
        }
    }
}
