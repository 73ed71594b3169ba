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
    private readonly IParser _parser;
    private readonly Dictionary<string, SpecNode> _anchors = new(StringComparer.Ordinal);
    private readonly SpecTreeBuilder _builder = new();

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
                return Anchor(scalar, new SpecScalarNode(_builder.NextId(), scalar.Start, scalar.End, scalar.Value, scalar.Style));
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
        var node = Anchor(start, new SpecSequenceNode(_builder.NextId(), start.Start, start.End));
        var first = _builder.ItemsMark;
        while (!TryConsume<SequenceEnd>())
        {
            _builder.AddItem(LoadNode());
        }

        node.Children = _builder.TakeItems(first);
        return node;
    }

    private SpecMappingNode LoadMapping(MappingStart start)
    {
        _parser.MoveNext();
        var node = Anchor(start, new SpecMappingNode(_builder.NextId(), start.Start, start.End));
        var first = _builder.EntriesMark;
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

            // A duplicate is YamlDotNet's own error, after the value was read, at the second key.
            _builder.AddEntry(first, key, tag, value, ref keys);
        }

        node.Children = _builder.TakeEntries(first);
        return node;
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
