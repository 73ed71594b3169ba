namespace CmuContracts.Generator.Emitting.Runtime;

/// <summary>Template of the generated runtime: JSON value writing for the generated converters.</summary>
internal static partial class RuntimeTemplates
{
    public const string JsonValueWriter = """
/// <summary>Writes JSON values for generated converters.</summary>
internal static class JsonValueWriter
{
    public static void WriteDate(global::System.Text.Json.Utf8JsonWriter writer, global::System.DateOnly value) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture));

    public static void WriteUri(global::System.Text.Json.Utf8JsonWriter writer, global::System.Uri value) =>
        writer.WriteStringValue(value.OriginalString);

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
}
""";
}
