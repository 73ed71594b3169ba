using System;
using YamlDotNet.Core;

namespace CmuContracts.Generator.Parsing;

/// <summary>The plain and quoted scalars of <see cref="YamlSpecTree"/>.</summary>
internal sealed partial class YamlSpecTree
{
    /// <summary>A plain scalar in a block collection, with its continuation lines (folded as YAML folds them).</summary>
    /// <param name="indent">The collection's indentation: continuation lines are indented more.</param>
    private SpecScalarNode PlainScalar(int indent)
    {
        var start = _pos;
        if (!IsPlainStart(start, flow: false))
        {
            throw Decline("a value that starts with a YAML indicator");
        }

        var startMark = MarkAt(start);
        var lineEnd = LineEnd(start);
        var end = PlainLineEnd(start, lineEnd, out var comment);
        var endMark = MarkAt(end);
        var folded = false;
        while (!comment)
        {
            // Empty lines, then a line indented more than the collection: it continues the scalar.
            var breaks = 0;
            var next = lineEnd;
            var nextStart = next;
            var content = next;
            while (next < _text.Length)
            {
                breaks++;
                nextStart = AfterBreak(next);
                content = nextStart;
                while (content < _text.Length && _text[content] == ' ')
                {
                    content++;
                }

                // A line of spaces is an empty line here, as in YamlDotNet's scanner.
                if (content >= _text.Length || !IsBreak(content))
                {
                    break;
                }

                next = content;
            }

            if (content >= _text.Length || content - nextStart <= indent || _text[content] == '#')
            {
                break;
            }

            if (IsBlockEntry(content))
            {
                throw Decline("a plain scalar line that starts with '- '");
            }

            var continuationEnd = LineEnd(content);
            var contentEnd = PlainLineEnd(content, continuationEnd, out comment);
            if (!folded)
            {
                _scratch.Clear().Append(_text, start, end - start);
                folded = true;
            }

            if (breaks == 1)
            {
                _scratch.Append(' ');
            }
            else
            {
                _scratch.Append('\n', breaks - 1);
            }

            _scratch.Append(_text, content, contentEnd - content);
            _line += breaks;
            _lineStart = nextStart;
            endMark = MarkAt(contentEnd);
            lineEnd = continuationEnd;
        }

        var value = folded ? _scratch.ToString() : _strings.Get(_text, start, end - start);
        var node = new SpecScalarNode(_builder.NextId(), startMark, endMark, value, ScalarStyle.Plain);
        _pos = lineEnd;
        EndLine();
        return node;
    }

    /// <summary>Where a plain scalar's text on one line ends (trailing spaces and a comment left out).</summary>
    private int PlainLineEnd(int start, int lineEnd, out bool comment)
    {
        comment = false;
        var end = lineEnd;
        for (var i = start; i < lineEnd; i++)
        {
            var c = _text[i];
            if (c == ':' && IsBlankOrEnd(i + 1))
            {
                throw Decline("a ': ' inside a plain scalar");
            }

            if (c == '#' && i > start && _text[i - 1] == ' ')
            {
                comment = true;
                end = i;
                break;
            }
        }

        while (end > start && _text[end - 1] == ' ')
        {
            end--;
        }

        return end;
    }

    private SpecScalarNode DoubleQuoted()
    {
        var start = _pos;
        var i = start + 1;
        var segment = i;
        var escaped = false;
        while (true)
        {
            if (i >= _text.Length || IsBreak(i))
            {
                throw Decline("a double-quoted scalar that does not close on its line");
            }

            var c = _text[i];
            if (c == '"')
            {
                break;
            }

            if (c == '\\')
            {
                if (!escaped)
                {
                    _scratch.Clear();
                    escaped = true;
                }

                _scratch.Append(_text, segment, i - segment);
                i = AppendEscape(i + 1);
                segment = i;
                continue;
            }

            i++;
        }

        return Quoted(start, i, escaped ? segment : -1, ScalarStyle.DoubleQuoted);
    }

    /// <summary>Appends the escape whose letter is at <paramref name="at"/>; returns where the text goes on.</summary>
    private int AppendEscape(int at)
    {
        var c = at < _text.Length ? _text[at] : '\n';
        char? simple = c switch
        {
            '0' => '\0',
            'a' => '\a',
            'b' => '\b',
            't' => '\t',
            'n' => '\n',
            'v' => '\v',
            'f' => '\f',
            'r' => '\r',
            'e' => '\x1B',
            ' ' => ' ',
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'N' => '\u0085',
            '_' => '\u00A0',
            'L' => '\u2028',
            'P' => '\u2029',
            _ => null,
        };
        if (simple is { } value)
        {
            _scratch.Append(value);
            return at + 1;
        }

        var digits = c switch
        {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            _ => throw Decline("an escape YamlDotNet reads its own way"),
        };
        var code = 0;
        for (var i = at + 1; i <= at + digits; i++)
        {
            var digit = i < _text.Length ? HexValue(_text[i]) : -1;
            if (digit < 0)
            {
                throw Decline("a short hexadecimal escape");
            }

            code = (code * 16) + digit;
        }

        if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        {
            throw Decline("an escape that is not a Unicode scalar");
        }

        _scratch.Append(char.ConvertFromUtf32(code));
        return at + 1 + digits;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private SpecScalarNode SingleQuoted()
    {
        var start = _pos;
        var i = start + 1;
        var segment = i;
        var escaped = false;
        while (true)
        {
            if (i >= _text.Length || IsBreak(i))
            {
                throw Decline("a single-quoted scalar that does not close on its line");
            }

            if (_text[i] == '\'')
            {
                if (i + 1 >= _text.Length || _text[i + 1] != '\'')
                {
                    break;
                }

                // '' is one quote.
                if (!escaped)
                {
                    _scratch.Clear();
                    escaped = true;
                }

                _scratch.Append(_text, segment, i + 1 - segment);
                i += 2;
                segment = i;
                continue;
            }

            i++;
        }

        return Quoted(start, i, escaped ? segment : -1, ScalarStyle.SingleQuoted);
    }

    /// <summary>
    /// The quoted scalar from its opening quote at <paramref name="start"/> to its closing one at <paramref name="close"/>;
    /// an escaped one has its text in the scratch builder up to <paramref name="segment"/> (-1 when nothing was escaped).
    /// </summary>
    private SpecScalarNode Quoted(int start, int close, int segment, ScalarStyle style)
    {
        var value = segment >= 0 ? _scratch.Append(_text, segment, close - segment).ToString() : _strings.Get(_text, start + 1, close - start - 1);
        var node = new SpecScalarNode(_builder.NextId(), MarkAt(start), MarkAt(close + 1), value, style);
        _pos = close + 1;
        return node;
    }

    /// <summary>Where the quoted scalar starting at <paramref name="at"/> ends (after its closing quote), or -1 if not on its line.</summary>
    private int QuotedEnd(int at)
    {
        var quote = _text[at];
        for (var i = at + 1; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c is '\n' or '\r')
            {
                return -1;
            }

            if (quote == '"' && c == '\\')
            {
                i++;
            }
            else if (c == quote)
            {
                if (quote == '\'' && i + 1 < _text.Length && _text[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
        }

        return -1;
    }

    /// <summary>Whether a plain scalar may start at <paramref name="at"/>: not at an indicator, nor at a '-' that starts an entry.</summary>
    private bool IsPlainStart(int at, bool flow)
    {
        switch (_text[at])
        {
            case '-':
                var next = at + 1 < _text.Length ? _text[at + 1] : '\n';
                return next is not (' ' or '\n' or '\r') && !(flow && next is ',' or '[' or ']' or '{' or '}');
            case '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' or ' ' or '\n' or '\r':
                return false;
            default:
                return true;
        }
    }

    private SpecScalarNode Scalar(int start, int end, ScalarStyle style) =>
        new(_builder.NextId(), MarkAt(start), MarkAt(end), _strings.Get(_text, start, end - start), style);
}
