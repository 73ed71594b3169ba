using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using YamlDotNet.Core;

namespace CmuContracts.Generator.Parsing;

/// <summary>
/// Builds the <see cref="SpecNode"/> tree of a JSON spec straight from <see cref="Utf8JsonReader"/>: the very tree
/// <see cref="SpecTreeLoader"/> builds from the YAML parser's events for the same text (JSON is flow YAML), with the
/// same values, styles (double-quoted strings, plain numbers and literals), marks, and node ids and duplicate-key
/// error from the same <see cref="SpecTreeBuilder"/>, but with no parsing event in between. Whatever YAML might read
/// differently (invalid JSON, a key whose ':' is on another line or more than 1,000 bytes on, a line break or BOM that
/// YAML 1.1 counts and JSON does not) throws <see cref="Unavailable"/>, and the caller reads the text with the YAML
/// parser instead, so malformed specs get exactly the diagnostics they always had.
/// </summary>
internal sealed class JsonSpecTree
{
    /// <summary>Beyond this the JSON path stops and YAML reads the text (and reports what it finds).</summary>
    private const int MaxDepth = 1_000;

    /// <summary>YAML's simple-key limit is 1,024 chars from key start to ':'; bytes never undercount chars.</summary>
    private const int MaxKeySpan = 1_000;

    private static readonly char[] YamlOnlyBreaks = { '\u0085', '\u2028', '\u2029', '\uFEFF' };

    private readonly byte[] _utf8;
    private readonly Utf8PositionIndex _positions;
    private readonly SpecTreeBuilder _builder = new();

    private JsonSpecTree(byte[] utf8)
    {
        _utf8 = utf8;
        _positions = new Utf8PositionIndex(utf8);
    }

    /// <summary>The root node of the JSON text.</summary>
    /// <exception cref="Unavailable">The text is not one this path reads exactly as YAML would.</exception>
    /// <exception cref="YamlException">A mapping repeats a key (YAML's own error, at the second key).</exception>
    public static SpecNode Load(string text)
    {
        if (text.IndexOfAny(YamlOnlyBreaks) >= 0)
        {
            throw new Unavailable("the text has a character YAML counts as a line break or BOM");
        }

        var tree = new JsonSpecTree(Encoding.UTF8.GetBytes(text));
        try
        {
            var reader = new Utf8JsonReader(tree._utf8, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read())
            {
                throw new Unavailable("the text has no JSON value");
            }

            var root = tree.LoadValue(ref reader);

            // Anything after the root value but whitespace is invalid JSON: the reader throws.
            reader.Read();
            return root;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // Invalid JSON, or a string System.Text.Json cannot decode (a lone surrogate escape).
            throw new Unavailable(e.Message);
        }
    }

    private SpecNode LoadValue(ref Utf8JsonReader reader)
    {
        var tokenStart = (int)reader.TokenStartIndex;
        var start = _positions.MarkAt(tokenStart);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return LoadMapping(ref reader, start);
            case JsonTokenType.StartArray:
                return LoadSequence(ref reader, start);
            case JsonTokenType.String:
                return new SpecScalarNode(_builder.NextId(), start, _positions.MarkAt(tokenStart + reader.ValueSpan.Length + 2), reader.GetString()!, ScalarStyle.DoubleQuoted);
            default:
                // Number, true, false, null: YAML reads them as plain scalars holding the literal text.
                var length = reader.ValueSpan.Length;
                return new SpecScalarNode(_builder.NextId(), start, _positions.MarkAt(tokenStart + length), Literal(reader.TokenType, tokenStart, length), ScalarStyle.Plain);
        }
    }

    private SpecMappingNode LoadMapping(ref Utf8JsonReader reader, Mark start)
    {
        var node = new SpecMappingNode(_builder.NextId(), start, start);
        var first = _builder.EntriesMark;
        HashSet<(string? Tag, string Value)>? keys = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyStart = (int)reader.TokenStartIndex;
            var keyEnd = keyStart + reader.ValueSpan.Length + 2;
            CheckColon(keyStart, keyEnd);
            var key = new SpecScalarNode(_builder.NextId(), _positions.MarkAt(keyStart), _positions.MarkAt(keyEnd), reader.GetString()!, ScalarStyle.DoubleQuoted);
            reader.Read();
            var value = LoadValue(ref reader);
            _builder.AddEntry(first, key, tag: null, value, ref keys);
        }

        node.Children = _builder.TakeEntries(first);
        return node;
    }

    private SpecSequenceNode LoadSequence(ref Utf8JsonReader reader, Mark start)
    {
        var node = new SpecSequenceNode(_builder.NextId(), start, start);
        var first = _builder.ItemsMark;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            _builder.AddItem(LoadValue(ref reader));
        }

        node.Children = _builder.TakeItems(first);
        return node;
    }

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
