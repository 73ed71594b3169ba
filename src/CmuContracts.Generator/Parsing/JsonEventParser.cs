using System;
using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CmuContracts.Generator.Parsing;

/// <summary>
/// Reads JSON with <see cref="Utf8JsonReader"/> and hands YamlDotNet the parsing events its own parser would
/// produce for the same text (flow collections, double-quoted strings, plain numbers and literals, the same
/// marks), so <c>YamlStream</c> builds the very node tree the readers already walk, duplicate-key check
/// included. Whatever YAML might read differently (invalid JSON, a key whose ':' is on another line or
/// more than 1,000 bytes on, a line break or BOM that YAML 1.1 counts and JSON does not) throws
/// <see cref="Unavailable"/>, and the caller reads the text with the YAML parser instead, so malformed
/// specs get exactly the diagnostics they always had.
/// </summary>
internal sealed class JsonEventParser : IParser
{
    /// <summary>Beyond this the JSON path stops and YAML reads the text (and reports what it finds).</summary>
    private const int MaxDepth = 1_000;

    /// <summary>YAML's simple-key limit is 1,024 chars from key start to ':'; bytes never undercount chars.</summary>
    private const int MaxKeySpan = 1_000;

    private static readonly char[] YamlOnlyBreaks = { '\u0085', '\u2028', '\u2029', '\uFEFF' };

    private readonly byte[] _utf8;
    private readonly Utf8PositionIndex _positions;
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
    private int _consumed;
    private Stage _stage;

    public JsonEventParser(string text)
    {
        if (text.IndexOfAny(YamlOnlyBreaks) >= 0)
        {
            throw new Unavailable("the text has a character YAML counts as a line break or BOM");
        }

        _utf8 = Encoding.UTF8.GetBytes(text);
        _positions = new Utf8PositionIndex(_utf8);
    }

    private enum Stage
    {
        StreamStart,
        DocumentStart,
        Content,
        DocumentEnd,
        StreamEnd,
        Done,
    }

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        switch (_stage)
        {
            case Stage.StreamStart:
                var start = _positions.MarkAt(0);
                Current = new StreamStart(start, start);
                _stage = Stage.DocumentStart;
                return true;
            case Stage.DocumentStart:
                Current = new DocumentStart(null, null, true, Current!.Start, Current.End);
                _stage = Stage.Content;
                return true;
            case Stage.Content:
                if (ReadToken() is { } token)
                {
                    Current = token;
                    return true;
                }

                _stage = Stage.DocumentEnd;
                return MoveNext();
            case Stage.DocumentEnd:
                var end = _positions.MarkAt(_utf8.Length);
                Current = new DocumentEnd(true, end, end);
                _stage = Stage.StreamEnd;
                return true;
            case Stage.StreamEnd:
                Current = new StreamEnd(Current!.Start, Current.End);
                _stage = Stage.Done;
                return true;
            default:
                Current = null;
                return false;
        }
    }

    /// <summary>The next JSON token as a YAML event, or null once the root value is complete.</summary>
    private ParsingEvent? ReadToken()
    {
        try
        {
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_utf8, _consumed, _utf8.Length - _consumed), isFinalBlock: true, _state);
            if (!reader.Read())
            {
                return null;
            }

            var tokenStart = _consumed + (int)reader.TokenStartIndex;
            var result = ToEvent(ref reader, tokenStart);
            _consumed += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            return result;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // Invalid JSON, or a string System.Text.Json cannot decode (a lone surrogate escape).
            throw new Unavailable(e.Message);
        }
    }

    private ParsingEvent ToEvent(ref Utf8JsonReader reader, int tokenStart)
    {
        var start = _positions.MarkAt(tokenStart);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow, start, start);
            case JsonTokenType.EndObject:
                return new MappingEnd(start, start);
            case JsonTokenType.StartArray:
                return new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow, start, start);
            case JsonTokenType.EndArray:
                return new SequenceEnd(start, start);
            case JsonTokenType.PropertyName:
                var keyEnd = tokenStart + reader.ValueSpan.Length + 2;
                CheckColon(tokenStart, keyEnd);
                return Quoted(reader.GetString()!, start, _positions.MarkAt(keyEnd), isKey: true);
            case JsonTokenType.String:
                return Quoted(reader.GetString()!, start, _positions.MarkAt(tokenStart + reader.ValueSpan.Length + 2), isKey: false);
            default:
                // Number, true, false, null: YAML reads them as plain scalars holding the literal text.
                var length = reader.ValueSpan.Length;
                var text = Literal(reader.TokenType, tokenStart, length);
                return new Scalar(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Plain, true, false, start, _positions.MarkAt(tokenStart + length), false);
        }
    }

    private static Scalar Quoted(string value, Mark start, Mark end, bool isKey) =>
        new(AnchorName.Empty, TagName.Empty, value, ScalarStyle.DoubleQuoted, false, true, start, end, isKey);

    private string Literal(JsonTokenType type, int start, int length) => type switch
    {
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => Encoding.UTF8.GetString(_utf8, start, length),
    };

    /// <summary>YAML wants a flow key's ':' on the key's line and within its simple-key limit.</summary>
    private void CheckColon(int keyStart, int keyEnd)
    {
        for (var i = keyEnd; i < _utf8.Length; i++)
        {
            switch (_utf8[i])
            {
                case (byte)':':
                    if (i - keyStart > MaxKeySpan)
                    {
                        throw new Unavailable("a key is longer than YAML's simple-key limit");
                    }

                    return;
                case (byte)' ' or (byte)'\t':
                    continue;
                default:
                    throw new Unavailable("a key's ':' is not on the key's line");
            }
        }
    }

    /// <summary>The text is not one the JSON path reads exactly as YAML would: read it with YAML.</summary>
    internal sealed class Unavailable : Exception
    {
        public Unavailable(string reason)
            : base("The JSON fast path does not apply: " + reason)
        {
        }
    }
}
