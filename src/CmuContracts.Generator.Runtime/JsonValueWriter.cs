namespace SpecNamespace.Internal;

/// <summary>Writes JSON values for the generated types' JSON code.</summary>
internal static class JsonValueWriter
{
    public static void WriteDate(global::System.Text.Json.Utf8JsonWriter writer, global::System.DateOnly value) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture));

    public static void WriteUri(global::System.Text.Json.Utf8JsonWriter writer, global::System.Uri value) =>
        writer.WriteStringValue(value.OriginalString);

    // Item writers for lists and maps, as method groups (Utf8JsonWriter's own methods are instance overloads).
    public static void WriteString(global::System.Text.Json.Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    public static void WriteBoolean(global::System.Text.Json.Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    public static void WriteInt32(global::System.Text.Json.Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    public static void WriteInt64(global::System.Text.Json.Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    public static void WriteSingle(global::System.Text.Json.Utf8JsonWriter writer, float value) => writer.WriteNumberValue(value);

    public static void WriteDouble(global::System.Text.Json.Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);

    public static void WriteDecimal(global::System.Text.Json.Utf8JsonWriter writer, decimal value) => writer.WriteNumberValue(value);

    public static void WriteDateTime(global::System.Text.Json.Utf8JsonWriter writer, global::System.DateTimeOffset value) => writer.WriteStringValue(value);

    public static void WriteGuid(global::System.Text.Json.Utf8JsonWriter writer, global::System.Guid value) => writer.WriteStringValue(value);

    public static void WriteBytes(global::System.Text.Json.Utf8JsonWriter writer, byte[] value) => writer.WriteBase64StringValue(value);

    public static void WriteAny(global::System.Text.Json.Utf8JsonWriter writer, global::System.Text.Json.JsonElement value) => value.WriteTo(writer);

    // Scalar properties, one call each, written only when they have a value. Utf8JsonWriter's own WriteString and
    // WriteNumber have some 28 overloads each, which a consumer's compiler would resolve on every property.
    public static void WriteStringProperty(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }

    public static void WriteBooleanProperty(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, bool? value)
    {
        if (value is not null) writer.WriteBoolean(name, value.GetValueOrDefault());
    }

    public static void WriteInt32Property(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, int? value)
    {
        if (value is not null) writer.WriteNumber(name, value.GetValueOrDefault());
    }

    public static void WriteInt64Property(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, long? value)
    {
        if (value is not null) writer.WriteNumber(name, value.GetValueOrDefault());
    }

    public static void WriteSingleProperty(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, float? value)
    {
        if (value is not null) writer.WriteNumber(name, value.GetValueOrDefault());
    }

    public static void WriteDoubleProperty(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, double? value)
    {
        if (value is not null) writer.WriteNumber(name, value.GetValueOrDefault());
    }

    public static void WriteDecimalProperty(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, decimal? value)
    {
        if (value is not null) writer.WriteNumber(name, value.GetValueOrDefault());
    }

    public static void WriteDateTimeProperty(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, global::System.DateTimeOffset? value)
    {
        if (value is not null) writer.WriteString(name, value.GetValueOrDefault());
    }

    public static void WriteGuidProperty(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, global::System.Guid? value)
    {
        if (value is not null) writer.WriteString(name, value.GetValueOrDefault());
    }

    public static void WriteModel<T>(global::System.Text.Json.Utf8JsonWriter writer, T value) where T : IJsonModel<T> => T.Write(writer, value);

    // An optional property is written only when it has a value.
    public static void WriteProperty<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, T? value) where T : class, IJsonModel<T>
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            T.Write(writer, value);
        }
    }

    public static void WriteValueProperty<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, T? value) where T : struct, IJsonModel<T>
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            T.Write(writer, value.Value);
        }
    }

    public static void WriteProperty<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, T? value, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write) where T : class
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            write(writer, value);
        }
    }

    public static void WriteValueProperty<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, T? value, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write) where T : struct
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            write(writer, value.Value);
        }
    }

    public static void WriteListProperty<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, global::System.Collections.Generic.IEnumerable<T>? values, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> writeItem)
    {
        if (values is not null)
        {
            writer.WritePropertyName(name);
            WriteList(writer, values, writeItem);
        }
    }

    public static void WriteMapProperty<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, T>>? values, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> writeValue)
    {
        if (values is not null)
        {
            writer.WritePropertyName(name);
            WriteMap(writer, values, writeValue);
        }
    }

    public static void WriteList<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IEnumerable<T> values, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> writeItem)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writeItem(writer, value);
        }

        writer.WriteEndArray();
    }

    public static void WriteMap<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, T>> values, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> writeValue)
    {
        writer.WriteStartObject();
        foreach (var pair in values)
        {
            writer.WritePropertyName(pair.Key);
            writeValue(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a discriminated union's variant with its discriminator: as the variant writes itself when that has the
    /// property (with a value), else with the property first and the variant's other properties after it.
    /// </summary>
    public static void WriteDiscriminated<T>(global::System.Text.Json.Utf8JsonWriter writer, T value, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write, string propertyName, string discriminator)
    {
        var buffer = new global::System.Buffers.ArrayBufferWriter<byte>();
        using (var inner = new global::System.Text.Json.Utf8JsonWriter(buffer))
        {
            write(inner, value);
        }

        using var document = global::System.Text.Json.JsonDocument.Parse(buffer.WrittenMemory);
        var root = document.RootElement;
        if (root.ValueKind != global::System.Text.Json.JsonValueKind.Object
            || (root.TryGetProperty(propertyName, out var present) && present.ValueKind != global::System.Text.Json.JsonValueKind.Null))
        {
            root.WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(propertyName, discriminator);
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name != propertyName) property.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
