using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace CmuContracts.Generator.Spec;

/// <summary>
/// Reads a JSON spec into the <see cref="SpecNode"/> tree straight from <see cref="Utf8JsonReader"/>: the tree
/// <see cref="YamlSpecReader"/> builds for the same text (JSON is flow YAML), with the same values, styles
/// (double-quoted strings; plain numbers and literals), marks, node ids and duplicate-key rule (the same
/// <see cref="SpecTreeBuilder"/>). Invalid JSON throws <see cref="SpecSyntaxException"/> at the place
/// System.Text.Json stopped, with its message.
/// </summary>
internal sealed class JsonSpecReader
{
    /// <summary>Deeper than this, the spec is refused (the tree is built recursively, on the compiler's thread).</summary>
    private const int MaxDepth = 1_000;

    private readonly byte[] _utf8;
    private readonly Utf8PositionIndex _positions;
    private readonly SpecTreeBuilder _builder = new();
    private int _tokenStart;

    private JsonSpecReader(byte[] utf8)
    {
        _utf8 = utf8;
        _positions = new Utf8PositionIndex(utf8);
    }

    /// <summary>The root value of the JSON text, or null when the text is only whitespace.</summary>
    /// <exception cref="SpecSyntaxException">The text is not valid JSON, repeats a key, or nests too deeply.</exception>
    public static SpecNode? Read(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text == "\uFEFF")
        {
            return null;
        }

        var spec = new JsonSpecReader(Encoding.UTF8.GetBytes(text));

        // A byte order mark the text still carries is not JSON; its char keeps its place in the marks.
        var skip = text[0] == '\uFEFF' ? 3 : 0;
        var reader = new Utf8JsonReader(spec._utf8.AsSpan(skip), new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            reader.Read();
            var root = spec.ReadValue(ref reader, skip);

            // Anything after the root value but whitespace is invalid JSON: the reader throws.
            reader.Read();
            return root;
        }
        catch (JsonException e)
        {
            var at = spec.MarkOfError(skip, e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            throw new SpecSyntaxException(at, at, Describe(e));
        }
        catch (InvalidOperationException e)
        {
            // A string System.Text.Json cannot decode (a lone surrogate escape): at that token.
            var at = new Utf8PositionIndex(spec._utf8).MarkAt(spec._tokenStart);
            throw new SpecSyntaxException(at, at, e.Message);
        }
    }

    private SpecNode ReadValue(ref Utf8JsonReader reader, int skip)
    {
        var tokenStart = skip + (int)reader.TokenStartIndex;
        _tokenStart = tokenStart;
        var start = _positions.MarkAt(tokenStart);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadMapping(ref reader, start, skip);
            case JsonTokenType.StartArray:
                return ReadSequence(ref reader, start, skip);
            case JsonTokenType.String:
                return new SpecScalarNode(_builder.NextId(), start, _positions.MarkAt(tokenStart + reader.ValueSpan.Length + 2), reader.GetString()!, ScalarStyle.DoubleQuoted);
            default:
                // Number, true, false, null: YAML reads them as plain scalars holding the literal text.
                var length = reader.ValueSpan.Length;
                return new SpecScalarNode(_builder.NextId(), start, _positions.MarkAt(tokenStart + length), Literal(reader.TokenType, tokenStart, length), ScalarStyle.Plain);
        }
    }

    private SpecMappingNode ReadMapping(ref Utf8JsonReader reader, SpecMark start, int skip)
    {
        var node = new SpecMappingNode(_builder.NextId(), start, start);
        var first = _builder.EntriesMark;
        HashSet<(string? Tag, string Value)>? keys = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyStart = skip + (int)reader.TokenStartIndex;
            _tokenStart = keyStart;
            var keyEnd = keyStart + reader.ValueSpan.Length + 2;
            var key = new SpecScalarNode(_builder.NextId(), _positions.MarkAt(keyStart), _positions.MarkAt(keyEnd), reader.GetString()!, ScalarStyle.DoubleQuoted);
            reader.Read();
            var value = ReadValue(ref reader, skip);
            _builder.AddEntry(first, key, tag: null, value, ref keys);
        }

        node.Children = _builder.TakeEntries(first);
        return node;
    }

    private SpecSequenceNode ReadSequence(ref Utf8JsonReader reader, SpecMark start, int skip)
    {
        var node = new SpecSequenceNode(_builder.NextId(), start, start);
        var first = _builder.ItemsMark;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            _builder.AddItem(ReadValue(ref reader, skip));
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

    /// <summary>System.Text.Json places an error by line (counting LFs only) and byte in that line.</summary>
    private SpecMark MarkOfError(int skip, long line, long byteInLine)
    {
        var offset = skip;
        for (var seen = 0L; seen < line && offset < _utf8.Length; offset++)
        {
            if (_utf8[offset] == (byte)'\n')
            {
                seen++;
            }
        }

        return new Utf8PositionIndex(_utf8).MarkAt((int)Math.Min(_utf8.Length, offset + byteInLine));
    }

    /// <summary>The reader's message without the position it appends (reported separately).</summary>
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at > 0 ? message.Substring(0, at) : message;
    }
}
