namespace SpecNamespace.Internal;

/// <summary>
/// Reads JSON scalars leniently: numbers also from numeric strings ("205"), strings also from numbers,
/// so small server inconsistencies do not break a client.
/// </summary>
internal static class JsonValueReader
{
    public static string ReadString(ref global::System.Text.Json.Utf8JsonReader reader) => reader.TokenType switch
    {
        global::System.Text.Json.JsonTokenType.String => ReadText(ref reader),
        global::System.Text.Json.JsonTokenType.Number or global::System.Text.Json.JsonTokenType.True or global::System.Text.Json.JsonTokenType.False =>
            global::System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? global::System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()),
        _ => throw Unexpected(ref reader, "a string"),
    };

    /// <summary>A string or property-name token's text; a lone surrogate escape (<c>"\\ud800"</c>) is a JsonException like any other malformed JSON.</summary>
    public static string ReadText(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (global::System.InvalidOperationException)
        {
            throw new global::System.Text.Json.JsonException("The string at byte " + reader.TokenStartIndex + " is not valid UTF-16 (an unpaired surrogate escape).");
        }
    }

    // Numbers sent as strings ("205", as CMU does) are parsed from the UTF-8 bytes: no string per value.
    // Escaped, segmented or unusual text (whitespace, a leading '+') falls back to the culture-invariant parse.
    private static bool TryParseUnescaped(ref global::System.Text.Json.Utf8JsonReader reader, out int value)
    {
        value = 0;
        return !reader.HasValueSequence && !reader.ValueIsEscaped && global::System.Buffers.Text.Utf8Parser.TryParse(reader.ValueSpan, out value, out var used) && used == reader.ValueSpan.Length;
    }

    private static bool TryParseUnescaped(ref global::System.Text.Json.Utf8JsonReader reader, out long value)
    {
        value = 0;
        return !reader.HasValueSequence && !reader.ValueIsEscaped && global::System.Buffers.Text.Utf8Parser.TryParse(reader.ValueSpan, out value, out var used) && used == reader.ValueSpan.Length;
    }

    private static bool TryParseUnescaped(ref global::System.Text.Json.Utf8JsonReader reader, out float value)
    {
        value = 0;
        return !reader.HasValueSequence && !reader.ValueIsEscaped && global::System.Buffers.Text.Utf8Parser.TryParse(reader.ValueSpan, out value, out var used) && used == reader.ValueSpan.Length;
    }

    private static bool TryParseUnescaped(ref global::System.Text.Json.Utf8JsonReader reader, out double value)
    {
        value = 0;
        return !reader.HasValueSequence && !reader.ValueIsEscaped && global::System.Buffers.Text.Utf8Parser.TryParse(reader.ValueSpan, out value, out var used) && used == reader.ValueSpan.Length;
    }

    private static bool TryParseUnescaped(ref global::System.Text.Json.Utf8JsonReader reader, out decimal value)
    {
        value = 0;
        return !reader.HasValueSequence && !reader.ValueIsEscaped && global::System.Buffers.Text.Utf8Parser.TryParse(reader.ValueSpan, out value, out var used) && used == reader.ValueSpan.Length;
    }

    public static bool ReadBoolean(ref global::System.Text.Json.Utf8JsonReader reader) => reader.TokenType switch
    {
        global::System.Text.Json.JsonTokenType.True => true,
        global::System.Text.Json.JsonTokenType.False => false,
        global::System.Text.Json.JsonTokenType.String when bool.TryParse(ReadText(ref reader), out var value) => value,
        _ => throw Unexpected(ref reader, "a boolean"),
    };

    // Every reader below fails with a JsonException (never InvalidOperation, Format or Overflow), whatever the token.
    public static int ReadInt32(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetInt32(out var value) ? value
        : reader.TokenType == global::System.Text.Json.JsonTokenType.String && (TryParseUnescaped(ref reader, out value) || int.TryParse(ReadText(ref reader), global::System.Globalization.NumberStyles.Integer, global::System.Globalization.CultureInfo.InvariantCulture, out value)) ? value
        : throw Unexpected(ref reader, "a 32-bit integer");

    public static long ReadInt64(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetInt64(out var value) ? value
        : reader.TokenType == global::System.Text.Json.JsonTokenType.String && (TryParseUnescaped(ref reader, out value) || long.TryParse(ReadText(ref reader), global::System.Globalization.NumberStyles.Integer, global::System.Globalization.CultureInfo.InvariantCulture, out value)) ? value
        : throw Unexpected(ref reader, "a 64-bit integer");

    public static float ReadSingle(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetSingle(out var value) ? value
        : reader.TokenType == global::System.Text.Json.JsonTokenType.String && (TryParseUnescaped(ref reader, out value) || float.TryParse(ReadText(ref reader), global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out value)) ? value
        : throw Unexpected(ref reader, "a number");

    public static double ReadDouble(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetDouble(out var value) ? value
        : reader.TokenType == global::System.Text.Json.JsonTokenType.String && (TryParseUnescaped(ref reader, out value) || double.TryParse(ReadText(ref reader), global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out value)) ? value
        : throw Unexpected(ref reader, "a number");

    public static decimal ReadDecimal(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetDecimal(out var value) ? value
        : reader.TokenType == global::System.Text.Json.JsonTokenType.String && (TryParseUnescaped(ref reader, out value) || decimal.TryParse(ReadText(ref reader), global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out value)) ? value
        : throw Unexpected(ref reader, "a decimal number");

    public static global::System.DateOnly ReadDate(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.String && global::System.DateOnly.TryParseExact(ReadText(ref reader), "yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.None, out var value) ? value
        : throw Unexpected(ref reader, "a date (yyyy-MM-dd)");

    public static global::System.DateTimeOffset ReadDateTime(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.String && global::System.DateTimeOffset.TryParse(ReadText(ref reader), global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.AssumeUniversal, out var value) ? value
        : throw Unexpected(ref reader, "a date-time");

    public static global::System.Guid ReadGuid(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.String && reader.TryGetGuid(out var value) ? value
        : throw Unexpected(ref reader, "a UUID");

    public static global::System.Uri ReadUri(ref global::System.Text.Json.Utf8JsonReader reader) =>
        global::System.Uri.TryCreate(ReadString(ref reader), global::System.UriKind.RelativeOrAbsolute, out var value) ? value
        : throw Unexpected(ref reader, "a URI");

    public static byte[] ReadBytes(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.String && reader.TryGetBytesFromBase64(out var value) ? value
        : throw Unexpected(ref reader, "base64 bytes");

    public static global::System.Text.Json.JsonElement ReadAny(ref global::System.Text.Json.Utf8JsonReader reader) =>
        global::System.Text.Json.JsonElement.ParseValue(ref reader);

    public static global::System.Collections.Generic.List<T> ReadList<T>(ref global::System.Text.Json.Utf8JsonReader reader, JsonRead<T> readItem)
    {
        if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, "an array");
        }

        var list = new global::System.Collections.Generic.List<T>();
        while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndArray)
        {
            list.Add(readItem(ref reader));
        }

        return list;
    }

    public static global::System.Collections.Generic.Dictionary<string, T> ReadMap<T>(ref global::System.Text.Json.Utf8JsonReader reader, JsonRead<T> readValue)
    {
        if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "an object");
        }

        var map = new global::System.Collections.Generic.Dictionary<string, T>(global::System.StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
        {
            var key = ReadText(ref reader);
            reader.Read();
            map[key] = readValue(ref reader);
        }

        return map;
    }

    // A model's reading constructor reads each property with one call: the reader is on the property's name, and the call moves to
    // its value. A JSON null leaves the property unset (null), whatever the schema says.
    public static void StartObject(ref global::System.Text.Json.Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "an object (" + typeName + ")");
        }
    }

    // One candidate for the compiler to check on each property line (Utf8JsonReader.ValueTextEquals has three).
    public static bool IsProperty(ref global::System.Text.Json.Utf8JsonReader reader, global::System.ReadOnlySpan<byte> utf8Name) => reader.ValueTextEquals(utf8Name);

    public static bool NextProperty(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName;

    /// <summary>Skips a property the model does not name: servers may add fields.</summary>
    public static void SkipValue(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    private static bool NextIsNull(ref global::System.Text.Json.Utf8JsonReader reader) => reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.Null;
    public static string? NextString(ref global::System.Text.Json.Utf8JsonReader reader) => NextIsNull(ref reader) ? null : ReadString(ref reader);
    public static bool? NextBoolean(ref global::System.Text.Json.Utf8JsonReader reader) => NextIsNull(ref reader) ? null : ReadBoolean(ref reader);
    public static int? NextInt32(ref global::System.Text.Json.Utf8JsonReader reader) => NextIsNull(ref reader) ? null : ReadInt32(ref reader);
    public static long? NextInt64(ref global::System.Text.Json.Utf8JsonReader reader) => NextIsNull(ref reader) ? null : ReadInt64(ref reader);
    public static float? NextSingle(ref global::System.Text.Json.Utf8JsonReader reader) => NextIsNull(ref reader) ? null : ReadSingle(ref reader);
    public static double? NextDouble(ref global::System.Text.Json.Utf8JsonReader reader) => NextIsNull(ref reader) ? null : ReadDouble(ref reader);
    public static decimal? NextDecimal(ref global::System.Text.Json.Utf8JsonReader reader) => NextIsNull(ref reader) ? null : ReadDecimal(ref reader);
    public static global::System.DateOnly? NextDate(ref global::System.Text.Json.Utf8JsonReader reader) => NextIsNull(ref reader) ? null : ReadDate(ref reader);
    public static global::System.DateTimeOffset? NextDateTime(ref global::System.Text.Json.Utf8JsonReader reader) => NextIsNull(ref reader) ? null : ReadDateTime(ref reader);
    public static global::System.Guid? NextGuid(ref global::System.Text.Json.Utf8JsonReader reader) => NextIsNull(ref reader) ? null : ReadGuid(ref reader);
    public static global::System.Uri? NextUri(ref global::System.Text.Json.Utf8JsonReader reader) => NextIsNull(ref reader) ? null : ReadUri(ref reader);
    public static byte[]? NextBytes(ref global::System.Text.Json.Utf8JsonReader reader) => NextIsNull(ref reader) ? null : ReadBytes(ref reader);
    public static global::System.Text.Json.JsonElement? NextAny(ref global::System.Text.Json.Utf8JsonReader reader) => NextIsNull(ref reader) ? null : ReadAny(ref reader);

    public static T? Next<T>(ref global::System.Text.Json.Utf8JsonReader reader) where T : class, IJsonModel<T> =>
        NextIsNull(ref reader) ? null : T.Read(ref reader);

    public static T? NextValue<T>(ref global::System.Text.Json.Utf8JsonReader reader) where T : struct, IJsonModel<T> =>
        NextIsNull(ref reader) ? null : T.Read(ref reader);

    public static T ReadModel<T>(ref global::System.Text.Json.Utf8JsonReader reader) where T : IJsonModel<T> => T.Read(ref reader);

    public static global::System.Collections.Generic.List<T>? NextList<T>(ref global::System.Text.Json.Utf8JsonReader reader, JsonRead<T> readItem) =>
        NextIsNull(ref reader) ? null : ReadList(ref reader, readItem);

    public static global::System.Collections.Generic.Dictionary<string, T>? NextMap<T>(ref global::System.Text.Json.Utf8JsonReader reader, JsonRead<T> readValue) =>
        NextIsNull(ref reader) ? null : ReadMap(ref reader, readValue);

    /// <summary>Tries to read a whole JSON value as one union variant; false (never an exception) when it does not fit.</summary>
    public static bool TryRead<T>(global::System.Text.Json.JsonElement element, JsonRead<T> read, out T? value)
    {
        try
        {
            var reader = new global::System.Text.Json.Utf8JsonReader(global::System.Text.Encoding.UTF8.GetBytes(element.GetRawText()));
            reader.Read();
            value = read(ref reader);
            return value is not null;
        }
        catch (global::System.Exception ex) when (ex is global::System.Text.Json.JsonException or global::System.FormatException or global::System.InvalidOperationException or global::System.OverflowException or global::System.ArgumentException)
        {
            value = default;
            return false;
        }
    }

    public static global::System.Text.Json.JsonException MissingRequired(string typeName, string jsonName) =>
        new("The required property '" + jsonName + "' of " + typeName + " is missing or null.");

    public static global::System.Text.Json.JsonException Unexpected(ref global::System.Text.Json.Utf8JsonReader reader, string expected) =>
        new("Expected " + expected + " but found " + reader.TokenType + " at byte " + reader.TokenStartIndex + ".");
}
