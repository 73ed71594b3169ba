using YamlDotNet.Core;

namespace CmuContracts.Generator.Parsing;

/// <summary>Positions, lines, indentation and characters, for <see cref="YamlSpecTree"/>.</summary>
internal sealed partial class YamlSpecTree
{
    /// <summary>A mark on the current line, as YamlDotNet gives it (columns in UTF-16 chars, from 1).</summary>
    private Mark MarkAt(int index) => new(index, _line, index - _lineStart + 1);

    private bool IsColon(int at) => at < _text.Length && _text[at] == ':' && IsBlankOrEnd(at + 1);

    private bool IsBlankOrEnd(int at) => at >= _text.Length || _text[at] is ' ' or '\n' or '\r';

    private bool IsBlockEntry(int at) => at < _text.Length && _text[at] == '-' && IsBlankOrEnd(at + 1);

    /// <summary>At the end of the line's content: its break, the end of the text, or a comment.</summary>
    private bool AtLineEnd() =>
        _pos >= _text.Length || IsBreak(_pos) || (_text[_pos] == '#' && _text[_pos - 1] == ' ');

    /// <summary>Whether a line break (LF, or the CR of a CRLF: the text has no other CR) is at <paramref name="at"/>.</summary>
    private bool IsBreak(int at) => _text[at] is '\n' or '\r';

    /// <summary>Where the line <paramref name="from"/> is on ends: at its break (a CRLF's CR), or the end of the text.</summary>
    private int LineEnd(int from)
    {
        var end = _text.IndexOf('\n', from);
        return end < 0 ? _text.Length : end > from && _text[end - 1] == '\r' ? end - 1 : end;
    }

    /// <summary>Where the line after the break at <paramref name="at"/> starts.</summary>
    private int AfterBreak(int at) => _text[at] == '\r' ? at + 2 : at + 1;

    private void SkipSpaces()
    {
        while (_pos < _text.Length && _text[_pos] == ' ')
        {
            _pos++;
        }
    }

    /// <summary>Moves to the start of the line after the one <paramref name="from"/> is on; false (at the end) if none.</summary>
    private bool NextLine(int from)
    {
        var end = _text.IndexOf('\n', from);
        if (end < 0)
        {
            _pos = _text.Length;
            return false;
        }

        _pos = end + 1;
        _line++;
        _lineStart = _pos;
        return true;
    }

    /// <summary>Leaves the current line (its comment included) for the next content line.</summary>
    private void EndLine()
    {
        if (NextLine(_pos))
        {
            SkipToContent();
        }
        else
        {
            _indent = -1;
        }
    }

    /// <summary>From a line start, past empty and comment lines to the first content character; sets <see cref="_indent"/>.</summary>
    private void SkipToContent()
    {
        while (true)
        {
            var i = _pos;
            while (i < _text.Length && _text[i] == ' ')
            {
                i++;
            }

            if (i >= _text.Length)
            {
                _pos = _text.Length;
                _indent = -1;
                return;
            }

            if (IsBreak(i) || _text[i] == '#')
            {
                if (!NextLine(i))
                {
                    _indent = -1;
                    return;
                }

                continue;
            }

            _pos = i;
            _indent = i - _lineStart;
            if (_indent == 0 && i + 2 < _text.Length && IsBlankOrEnd(i + 3)
                && ((_text[i] == '-' && _text[i + 1] == '-' && _text[i + 2] == '-') || (_text[i] == '.' && _text[i + 1] == '.' && _text[i + 2] == '.')))
            {
                throw Decline("a document marker");
            }

            return;
        }
    }

    /// <summary>
    /// Declines text with a character YamlDotNet treats specially: tabs, a CR outside a CRLF, other control
    /// characters, the BOM, NEL and the Unicode line separators, noncharacters and unpaired surrogates.
    /// </summary>
    private static void CheckCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c >= ' ' && c <= '~') || c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (c < '\u00A0' || char.IsSurrogate(c) || c is '\uFEFF' or '\u2028' or '\u2029' or >= '\uFFFE')
            {
                throw new Unavailable("the text has a tab, a lone CR, a control character or a character YAML reads specially");
            }
        }
    }
}
