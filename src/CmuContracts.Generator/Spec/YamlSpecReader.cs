using System;
using System.Collections.Generic;
using System.IO;
using SharpYaml;
using SharpYaml.Events;

namespace CmuContracts.Generator.Spec;

/// <summary>
/// Reads YAML (and so JSON, which is YAML's flow style) into the <see cref="SpecNode"/> tree of its first document,
/// from SharpYaml's parsing events. Every document is read, so a later document's errors still count. Aliases share
/// the node of their anchor, which must come before them. Syntax errors, duplicate keys and aliases to no anchor throw
/// <see cref="SpecSyntaxException"/> where the reader stopped.
/// </summary>
internal sealed class YamlSpecReader
{
    /// <summary>The tree is built recursively on the compiler's thread: deeper nesting is refused, not overflowed.</summary>
    private const int MaxDepth = 1_000;

    private readonly IParser _parser;
    private readonly Dictionary<string, SpecNode> _anchors = new(StringComparer.Ordinal);
    private readonly SpecTreeBuilder _builder = new();
    private SpecMark _lastEnd = new(0, 1, 1);

    private YamlSpecReader(IParser parser) => _parser = parser;

    /// <summary>The root of the first document, or null when the text has none (empty, or only comments).</summary>
    /// <exception cref="SpecSyntaxException">The text is not valid YAML, repeats a key, or nests too deeply.</exception>
    public static SpecNode? Read(string text)
    {
        var reader = new YamlSpecReader(SharpYaml.Parser.CreateParser(new StringReader(text)));
        try
        {
            return reader.ReadStream();
        }
        catch (YamlException e)
        {
            throw new SpecSyntaxException(MarkOf(e.Start), MarkOf(e.End), Describe(e, text));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            // Not expected of the parser, but the generator must never throw: place it after the last event read.
            throw new SpecSyntaxException(reader._lastEnd, reader._lastEnd, "The YAML could not be read after this point: " + e.Message);
        }
    }

    private SpecNode? ReadStream()
    {
        Next();
        Expect<StreamStart>();
        SpecNode? first = null;
        var documents = 0;
        while (Current() is not StreamEnd)
        {
            // Anchors are per document.
            _anchors.Clear();
            Expect<DocumentStart>();
            var root = ReadNode(0);
            Expect<DocumentEnd>();
            if (documents++ == 0)
            {
                first = root;
            }
        }

        return first;
    }

    private SpecNode ReadNode(int depth)
    {
        var current = Current();
        switch (current)
        {
            case Scalar scalar:
                Next();
                return Anchor(scalar, new SpecScalarNode(_builder.NextId(), MarkOf(scalar.Start), MarkOf(scalar.End), scalar.Value ?? string.Empty, StyleOf(scalar.Style)));
            case SequenceStart sequence:
                return ReadSequence(sequence, Deeper(depth, sequence));
            case MappingStart mapping:
                return ReadMapping(mapping, Deeper(depth, mapping));
            case AnchorAlias alias:
                Next();
                return _anchors.TryGetValue(alias.Value, out var target)
                    ? target
                    : throw new SpecSyntaxException(MarkOf(alias.Start), MarkOf(alias.End), "The alias *" + alias.Value + " names no anchor before it");
            default:
                throw new SpecSyntaxException(MarkOf(current.Start), MarkOf(current.End), "Unexpected " + current.GetType().Name);
        }
    }

    private SpecSequenceNode ReadSequence(SequenceStart start, int depth)
    {
        Next();
        var node = Anchor(start, new SpecSequenceNode(_builder.NextId(), MarkOf(start.Start), MarkOf(start.End)));
        var first = _builder.ItemsMark;
        while (Current() is not SequenceEnd)
        {
            _builder.AddItem(ReadNode(depth));
        }

        Next();
        node.Children = _builder.TakeItems(first);
        return node;
    }

    private SpecMappingNode ReadMapping(MappingStart start, int depth)
    {
        Next();
        var node = Anchor(start, new SpecMappingNode(_builder.NextId(), MarkOf(start.Start), MarkOf(start.End)));
        var first = _builder.EntriesMark;
        HashSet<(string? Tag, string Value)>? keys = null;
        while (Current() is not MappingEnd)
        {
            var tag = (Current() as Scalar)?.Tag;
            var key = ReadNode(depth);
            var value = ReadNode(depth);

            // A duplicate is reported after its value was read, at the second key.
            _builder.AddEntry(first, key, string.IsNullOrEmpty(tag) ? null : tag, value, ref keys);
        }

        Next();
        node.Children = _builder.TakeEntries(first);
        return node;
    }

    private T Anchor<T>(NodeEvent yamlEvent, T node)
        where T : SpecNode
    {
        if (yamlEvent.Anchor is { Length: > 0 } anchor)
        {
            _anchors[anchor] = node;
        }

        return node;
    }

    private static int Deeper(int depth, ParsingEvent start) =>
        depth < MaxDepth
            ? depth + 1
            : throw new SpecSyntaxException(MarkOf(start.Start), MarkOf(start.End), "The document nests collections more than " + MaxDepth + " deep");

    private ParsingEvent Current() => _parser.Current ?? throw new InvalidOperationException("No event was read");

    private void Next()
    {
        if (!_parser.MoveNext())
        {
            throw new InvalidOperationException("The YAML events ended before the stream did");
        }

        _lastEnd = MarkOf(_parser.Current!.End);
    }

    private void Expect<T>()
        where T : ParsingEvent
    {
        var current = Current();
        if (current is not T)
        {
            throw new SpecSyntaxException(MarkOf(current.Start), MarkOf(current.End), "Expected " + typeof(T).Name + ", found " + current.GetType().Name);
        }

        if (current is not StreamEnd)
        {
            Next();
        }
    }

    /// <summary>SharpYaml counts lines and columns from 0; diagnostics and the JSON reader from 1.</summary>
    private static SpecMark MarkOf(Mark mark) => new((int)mark.Index, (int)mark.Line + 1, (int)mark.Column + 1);

    private static ScalarStyle StyleOf(SharpYaml.ScalarStyle style) => style switch
    {
        SharpYaml.ScalarStyle.SingleQuoted => ScalarStyle.SingleQuoted,
        SharpYaml.ScalarStyle.DoubleQuoted => ScalarStyle.DoubleQuoted,
        SharpYaml.ScalarStyle.Literal => ScalarStyle.Literal,
        SharpYaml.ScalarStyle.Folded => ScalarStyle.Folded,
        _ => ScalarStyle.Plain,
    };

    /// <summary>The parser's message without the position it prefixes (reported separately), naming a tab if one is there.</summary>
    private static string Describe(YamlException e, string text)
    {
        var message = e.Message;
        var separator = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Lin", StringComparison.Ordinal) && separator > 0)
        {
            message = message.Substring(separator + 3);
        }

        if (message.Length == 0)
        {
            message = "Invalid YAML";
        }

        var index = (int)e.Start.Index;
        if (index >= 0 && index < text.Length && text[index] == '\t' && message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) < 0)
        {
            message += " The character there is a tab: YAML indents with spaces only.";
        }

        return message;
    }
}
