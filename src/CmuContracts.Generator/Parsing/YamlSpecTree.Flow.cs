using System.Collections.Generic;
using YamlDotNet.Core;

namespace CmuContracts.Generator.Parsing;

/// <summary>The flow collections of <see cref="YamlSpecTree"/>, on one line or several (as JSON examples in specs are written).</summary>
internal sealed partial class YamlSpecTree
{
    /// <summary>A flow collection (which may run over lines) or a flow scalar, at <see cref="_pos"/>.</summary>
    private SpecNode FlowNode()
    {
        if (_pos >= _text.Length)
        {
            throw Decline("a flow collection that does not close");
        }

        switch (_text[_pos])
        {
            case '{':
                return FlowMapping();
            case '[':
                return FlowSequence();
            case '"':
                return DoubleQuoted();
            case '\'':
                return SingleQuoted();
            default:
                var node = FlowPlain();
                if (_pos < _text.Length && _text[_pos] == ':')
                {
                    throw Decline("a ':' in a flow value");
                }

                return node;
        }
    }

    private SpecMappingNode FlowMapping()
    {
        Enter();
        var start = MarkAt(_pos);
        var node = new SpecMappingNode(_builder.NextId(), start, start);
        var first = _builder.EntriesMark;
        HashSet<(string? Tag, string Value)>? keys = null;
        _pos++;
        SkipFlowSpace();
        if (!TryTake('}'))
        {
            do
            {
                SkipFlowSpace();
                if (_pos >= _text.Length)
                {
                    throw Decline("a flow mapping that does not close");
                }

                var key = _text[_pos] switch
                {
                    '"' => DoubleQuoted(),
                    '\'' => SingleQuoted(),
                    _ => FlowPlain(),
                };
                if (!IsColon(_pos))
                {
                    throw Decline("a flow mapping key not followed right away by ': '");
                }

                _pos++;
                SkipFlowSpace();
                var value = FlowNode();
                _builder.AddEntry(first, key, tag: null, value, ref keys);
                SkipFlowSpace();
            }
            while (TryTakeSeparator('}'));

            if (!TryTake('}'))
            {
                throw Decline("a flow mapping that does not close");
            }
        }

        node.Children = _builder.TakeEntries(first);
        _depth--;
        return node;
    }

    private SpecSequenceNode FlowSequence()
    {
        Enter();
        var start = MarkAt(_pos);
        var node = new SpecSequenceNode(_builder.NextId(), start, start);
        var first = _builder.ItemsMark;
        _pos++;
        SkipFlowSpace();
        if (!TryTake(']'))
        {
            do
            {
                SkipFlowSpace();
                _builder.AddItem(FlowNode());
                SkipFlowSpace();
            }
            while (TryTakeSeparator(']'));

            if (!TryTake(']'))
            {
                throw Decline("a flow sequence that does not close");
            }
        }

        node.Children = _builder.TakeItems(first);
        _depth--;
        return node;
    }

    /// <summary>Takes a ',' between flow entries; a ',' right before the closing bracket is declined.</summary>
    private bool TryTakeSeparator(char close)
    {
        if (!TryTake(','))
        {
            return false;
        }

        SkipFlowSpace();
        if (_pos >= _text.Length || _text[_pos] == close || _text[_pos] == ',')
        {
            throw Decline("an empty flow entry");
        }

        return true;
    }

    private bool TryTake(char c)
    {
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }

        return false;
    }

    /// <summary>A plain scalar in a flow collection: it ends at a flow indicator or a ':'.</summary>
    private SpecScalarNode FlowPlain()
    {
        var start = _pos;
        if (start >= _text.Length || !IsPlainStart(start, flow: true))
        {
            throw Decline("a flow value that starts with a YAML indicator");
        }

        var i = start;
        while (i < _text.Length)
        {
            var c = _text[i];
            // A line break ends it too: whatever follows must then be a flow indicator, or the reader declines.
            if (c is ',' or ']' or '}' or ':' or '\n' or '\r')
            {
                break;
            }

            if (c is '[' or '{' || (c == '#' && _text[i - 1] == ' '))
            {
                throw Decline("a flow scalar with a bracket or a comment");
            }

            i++;
        }

        var end = i;
        while (_text[end - 1] == ' ')
        {
            end--;
        }

        if (end < i && i < _text.Length && _text[i] == ':')
        {
            throw Decline("a space before a flow key's ':'");
        }

        var node = Scalar(start, end, ScalarStyle.Plain);
        _pos = i;
        return node;
    }

    /// <summary>
    /// Inside a flow collection: past spaces, comments and line breaks. A line must stay indented more than the block
    /// collection the flow is in (YamlDotNet fails on some such lines).
    /// </summary>
    private void SkipFlowSpace()
    {
        while (true)
        {
            SkipSpaces();
            if (_pos >= _text.Length)
            {
                return;
            }

            var c = _text[_pos];
            if (c == '#' && _text[_pos - 1] == ' ')
            {
                _pos = LineEnd(_pos);
                continue;
            }

            if (!IsBreak(_pos))
            {
                return;
            }

            NextLine(_pos);
            SkipSpaces();
            if (_pos < _text.Length && !IsBreak(_pos) && _pos - _lineStart <= _flowIndent)
            {
                throw Decline("a flow collection line not indented more than its block");
            }
        }
    }
}
