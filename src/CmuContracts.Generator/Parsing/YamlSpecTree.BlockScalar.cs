using YamlDotNet.Core;

namespace CmuContracts.Generator.Parsing;

/// <summary>The literal and folded scalars of <see cref="YamlSpecTree"/>.</summary>
internal sealed partial class YamlSpecTree
{
    /// <summary>A literal or folded scalar: its header at <see cref="_pos"/>, its lines below it.</summary>
    /// <param name="indent">The collection's indentation: the content is indented more.</param>
    private SpecScalarNode BlockScalar(int indent)
    {
        var start = _pos;
        var literal = _text[start] == '|';
        var startMark = MarkAt(start);
        _pos++;
        var chomping = _pos < _text.Length ? _text[_pos] : ' ';
        if (chomping is '-' or '+')
        {
            _pos++;
        }

        SkipSpaces();
        if (!AtLineEnd() || !NextLine(_pos))
        {
            throw Decline("a block scalar header with an indentation indicator, or at the end of the text");
        }

        var contentIndent = -1;
        var lines = 0;
        var breaks = 0;
        var lastHadBreak = false;
        _scratch.Clear();
        while (_pos < _text.Length)
        {
            var i = _pos;
            while (i < _text.Length && _text[i] == ' ')
            {
                i++;
            }

            if (i >= _text.Length || IsBreak(i))
            {
                if (i > _pos)
                {
                    throw Decline("a line of spaces within a block scalar");
                }

                breaks++;
                NextLine(i);
                continue;
            }

            var lineIndent = i - _pos;
            if (contentIndent < 0)
            {
                if (lineIndent <= indent)
                {
                    throw Decline("an empty block scalar");
                }

                contentIndent = lineIndent;
            }

            if (lineIndent < contentIndent)
            {
                break;
            }

            var lineEnd = LineEnd(i);
            if (!literal && (lineIndent > contentIndent || _text[lineEnd - 1] == ' '))
            {
                throw Decline("a folded scalar with a more indented line or trailing spaces");
            }

            if (lines++ == 0)
            {
                _scratch.Append('\n', breaks);
            }
            else if (literal)
            {
                _scratch.Append('\n', breaks + 1);
            }
            else if (breaks == 0)
            {
                _scratch.Append(' ');
            }
            else
            {
                _scratch.Append('\n', breaks);
            }

            _scratch.Append(_text, _pos + contentIndent, lineEnd - _pos - contentIndent);
            breaks = 0;
            lastHadBreak = NextLine(lineEnd);
        }

        if (lines == 0)
        {
            throw Decline("an empty block scalar");
        }

        // Chomping: strip drops the final line break, clip keeps it, keep keeps the empty lines after it too.
        if (lastHadBreak && chomping != '-')
        {
            _scratch.Append('\n', chomping == '+' ? breaks + 1 : 1);
        }

        var node = new SpecScalarNode(_builder.NextId(), startMark, MarkAt(_pos), _scratch.ToString(), literal ? ScalarStyle.Literal : ScalarStyle.Folded);
        SkipToContent();
        return node;
    }
}
