using System;

namespace CmuContracts.Generator.Spec;

/// <summary>
/// Turns UTF-8 byte offsets of a spec into the marks the YAML reader gives the same text: a UTF-16 char
/// index, a 1-based line and a 1-based column counted in UTF-16 chars, with CR, LF and CRLF each one line
/// break. Offsets must be asked for in increasing order (the JSON reader's order), so the whole text is
/// walked once however long its lines are.
/// </summary>
internal sealed class Utf8PositionIndex
{
    private readonly byte[] _utf8;
    private int _offset;
    private int _index;
    private int _line = 1;
    private int _column = 1;

    public Utf8PositionIndex(byte[] utf8) => _utf8 = utf8;

    public SpecMark MarkAt(int offset)
    {
        if (offset < _offset)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), "Offsets must be asked for in increasing order.");
        }

        var bytes = _utf8;
        for (var i = _offset; i < offset; i++)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                _index++;
                if (b == (byte)'\r' || (b == (byte)'\n' && (i == 0 || bytes[i - 1] != (byte)'\r')))
                {
                    _line++;
                    _column = 1;
                }
                else if (b != (byte)'\n')
                {
                    _column++;
                }
            }
            else if ((b & 0xC0) != 0x80)
            {
                // A lead byte: one UTF-16 char, or a surrogate pair for a 4-byte sequence.
                var chars = b >= 0xF0 ? 2 : 1;
                _index += chars;
                _column += chars;
            }
        }

        _offset = offset;
        return new SpecMark(_index, _line, _column);
    }
}
