using System;
using System.Collections.Generic;
using System.Text;
using YamlDotNet.Core;

namespace CmuContracts.Generator.Parsing;

/// <summary>
/// Builds the <see cref="SpecNode"/> tree of a YAML spec straight from its text, for the YAML that specs are written
/// in: one document of block mappings and sequences, plain, quoted, literal and folded scalars, and flow collections
/// (JSON examples included, and indented JSON documents). It is the very tree <see cref="SpecTreeLoader"/> builds from YamlDotNet's parsing events (same values,
/// styles, marks and node ids, from the same <see cref="SpecTreeBuilder"/>), without YamlDotNet's tokens and events,
/// which were a third of a large spec's run and most of its garbage (docs/benchmarks.md). Anything else (anchors,
/// tags, several documents, quoted scalars over several lines, tabs, a CR outside a CRLF, a repeated key, any error)
/// throws <see cref="Unavailable"/>, and the caller reads the text with YamlDotNet, so such specs get exactly the tree
/// and the diagnostics they always had. The checks lean to declining: a spec it cannot read costs the time until the
/// first such place.
/// </summary>
internal sealed partial class YamlSpecTree
{
    /// <summary>YAML's simple-key limit is 1,024 chars from key start to ':'; declined well before it.</summary>
    private const int MaxKeySpan = 1_000;

    /// <summary>Deeper collections are left to YamlDotNet (the reader recurses, as the JSON one does).</summary>
    private const int MaxDepth = 1_000;

    private readonly string _text;
    private readonly SpecTreeBuilder _builder = new();
    private readonly ScalarStrings _strings = new();

    /// <summary>Builds escaped and folded values (one per tree, reused).</summary>
    private readonly StringBuilder _scratch = new();

    /// <summary>The reading position.</summary>
    private int _pos;

    /// <summary>The 1-based line of <see cref="_pos"/>.</summary>
    private int _line = 1;

    /// <summary>Where that line starts.</summary>
    private int _lineStart;

    /// <summary>After a block value: the indentation of the next content line (where <see cref="_pos"/> is), or -1 at the end.</summary>
    private int _indent;

    /// <summary>Within a flow collection: the indentation of the block collection it is a value in.</summary>
    private int _flowIndent;

    /// <summary>How many collections enclose the one being read.</summary>
    private int _depth;

    private YamlSpecTree(string text) => _text = text;

    /// <summary>The root node of the YAML text.</summary>
    /// <exception cref="Unavailable">The text is not one this reader reads exactly as YamlDotNet would.</exception>
    public static SpecNode Load(string text)
    {
        CheckCharacters(text);
        var tree = new YamlSpecTree(text);
        try
        {
            return tree.LoadDocument();
        }
        catch (YamlException)
        {
            // A repeated key: YamlDotNet may meet a syntax error further on first, so let it read the text.
            throw tree.Decline("a mapping repeats a key");
        }
    }

    private SpecNode LoadDocument()
    {
        SkipToContent();
        if (_indent != 0)
        {
            throw Decline(_indent < 0 ? "the text has no content" : "the document does not start at the first column");
        }

        // A flow collection at the top (a JSON document) may run over lines at any indentation.
        var root = _text[_pos] is '{' or '[' ? InlineValue(-1) : BlockNode(0);
        if (_indent >= 0)
        {
            throw Decline("content follows the document's top level");
        }

        return root;
    }

    /// <summary>A block mapping or sequence whose first key or entry is at <see cref="_pos"/>, in column <paramref name="indent"/>.</summary>
    private SpecNode BlockNode(int indent)
    {
        if (IsBlockEntry(_pos))
        {
            return BlockSequence(indent, indentless: false);
        }

        if (IsKey(_pos))
        {
            return BlockMapping(indent);
        }

        throw Decline("a block node that is neither a mapping nor a sequence");
    }

    /// <summary>A value on the lines below its key or '-': a block collection, or a flow one (JSON examples often are).</summary>
    /// <param name="parentIndent">The indentation of the collection the value is in.</param>
    private SpecNode NestedNode(int parentIndent) =>
        _text[_pos] is '{' or '[' ? InlineValue(parentIndent) : BlockNode(_indent);

    private SpecMappingNode BlockMapping(int indent)
    {
        Enter();
        var start = MarkAt(_pos);
        var node = new SpecMappingNode(_builder.NextId(), start, start);
        var first = _builder.EntriesMark;
        HashSet<(string? Tag, string Value)>? keys = null;
        while (true)
        {
            var key = Key();
            var value = BlockValue(indent);
            _builder.AddEntry(first, key, tag: null, value, ref keys);
            if (_indent < indent)
            {
                break;
            }

            if (_indent > indent)
            {
                throw Decline("a line is indented more than the mapping's keys");
            }
        }

        node.Children = _builder.TakeEntries(first);
        _depth--;
        return node;
    }

    /// <param name="indent">The column of the entries' '-'.</param>
    /// <param name="indentless">The sequence is a mapping value at the mapping's own indentation (YamlDotNet marks it differently).</param>
    private SpecSequenceNode BlockSequence(int indent, bool indentless)
    {
        Enter();
        var start = MarkAt(_pos);
        var node = new SpecSequenceNode(_builder.NextId(), start, indentless ? MarkAt(_pos + 1) : start);
        var first = _builder.ItemsMark;
        while (true)
        {
            _pos++;
            _builder.AddItem(SequenceItem(indent));
            if (_indent < indent || (_indent == indent && !IsBlockEntry(_pos)))
            {
                // An indentless sequence ends where its mapping's next key starts.
                if (_indent == indent && !indentless)
                {
                    throw Decline("a sequence is followed by a key at its own indentation");
                }

                break;
            }

            if (_indent > indent)
            {
                throw Decline("a line is indented more than the sequence's entries");
            }
        }

        node.Children = _builder.TakeItems(first);
        _depth--;
        return node;
    }

    /// <summary>An entry's node, from just after its '-'.</summary>
    private SpecNode SequenceItem(int indent)
    {
        SkipSpaces();
        if (AtLineEnd())
        {
            EndLine();
            if (_indent <= indent)
            {
                throw Decline("an empty sequence entry");
            }

            return NestedNode(indent);
        }

        // A compact collection starts on the entry's line, at its own column.
        var column = _pos - _lineStart;
        if (IsBlockEntry(_pos))
        {
            return BlockSequence(column, indentless: false);
        }

        return IsKey(_pos) ? BlockMapping(column) : InlineValue(indent);
    }

    /// <summary>A mapping value, from just after its key's ':'.</summary>
    /// <param name="indent">The mapping's indentation.</param>
    private SpecNode BlockValue(int indent)
    {
        // An empty value is a plain empty scalar right after the ':', as YamlDotNet reads it.
        var colon = MarkAt(_pos);
        SkipSpaces();
        if (!AtLineEnd())
        {
            return InlineValue(indent);
        }

        EndLine();
        if (_indent > indent)
        {
            return NestedNode(indent);
        }

        if (_indent == indent && IsBlockEntry(_pos))
        {
            return BlockSequence(indent, indentless: true);
        }

        return new SpecScalarNode(_builder.NextId(), colon, colon, string.Empty, ScalarStyle.Plain);
    }

    /// <summary>A value that starts on the current line, at <see cref="_pos"/>; reading ends at the next content line.</summary>
    /// <param name="indent">The indentation of the collection the value is in.</param>
    private SpecNode InlineValue(int indent)
    {
        SpecNode node;
        switch (_text[_pos])
        {
            case '|':
            case '>':
                return BlockScalar(indent);
            case '"':
                node = DoubleQuoted();
                break;
            case '\'':
                node = SingleQuoted();
                break;
            case '{':
            case '[':
                _flowIndent = indent;
                node = FlowNode();
                break;
            default:
                return PlainScalar(indent);
        }

        SkipSpaces();
        if (!AtLineEnd())
        {
            throw Decline("more follows a value on its line");
        }

        EndLine();
        return node;
    }

    private SpecScalarNode Key()
    {
        var start = _pos;
        SpecScalarNode key;
        switch (_text[start])
        {
            case '"':
                key = DoubleQuoted();
                break;
            case '\'':
                key = SingleQuoted();
                break;
            default:
                var end = PlainKeyEnd(start);
                if (end < 0 || _text[end - 1] == ' ')
                {
                    throw Decline("a line that is not a simple 'key: value'");
                }

                key = Scalar(start, end, ScalarStyle.Plain);
                _pos = end;
                break;
        }

        if (_pos - start > MaxKeySpan || !IsColon(_pos))
        {
            throw Decline("a key that is long, or not followed right away by ': '");
        }

        _pos++;
        return key;
    }

    /// <summary>Whether a simple key starts at <paramref name="at"/> (its line has the key's ':' and then a blank).</summary>
    private bool IsKey(int at)
    {
        switch (_text[at])
        {
            case '"':
            case '\'':
                var close = QuotedEnd(at);
                return close > 0 && IsColon(close);
            default:
                return PlainKeyEnd(at) > 0;
        }
    }

    /// <summary>Where the plain key starting at <paramref name="at"/> ends (at its ':'), or -1 when the line holds none.</summary>
    private int PlainKeyEnd(int at)
    {
        if (!IsPlainStart(at, flow: false))
        {
            return -1;
        }

        for (var i = at + 1; i < _text.Length; i++)
        {
            switch (_text[i])
            {
                case '\n' or '\r':
                    return -1;
                case ':' when IsBlankOrEnd(i + 1):
                    return i;
                case '#' when _text[i - 1] == ' ':
                    return -1;
            }
        }

        return -1;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Decline("collections nested very deep");
        }
    }

    /// <summary>Why the reader stops, and where (for the tests' messages; nothing reports it).</summary>
    private Unavailable Decline(string reason) => new(reason + " (line " + _line + ")");

    /// <summary>The text is not one this reader reads exactly as YamlDotNet would: read it with YamlDotNet.</summary>
    internal sealed class Unavailable : Exception
    {
        public Unavailable(string reason)
            : base("The YAML fast path does not apply: " + reason)
        {
        }
    }
}
