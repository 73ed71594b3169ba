namespace CmuContracts.Generator.Emitting.Runtime;

/// <summary>Template of the generated runtime: JSON metadata over generated read/write code, for Refit's serializer.</summary>
internal static partial class RuntimeTemplates
{
    public const string GeneratedJson = """
/// <summary>Reads one JSON value from a positioned reader.</summary>
internal delegate T JsonRead<T>(ref global::System.Text.Json.Utf8JsonReader reader);

/// <summary>
/// The one converter shape of the generated code: <c>JsonSerializer</c> comes in through the delegates, while
/// generated code calls each model's static <c>ReadValue</c>/<c>WriteValue</c> directly. The model converters derive
/// from it (so <c>[JsonConverter]</c> finds a parameterless type); other bodies (lists, maps, scalars) use it as is.
/// </summary>
internal class GeneratedJsonConverter<T> : global::System.Text.Json.Serialization.JsonConverter<T>
{
    private readonly JsonRead<T> _read;
    private readonly global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> _write;

    public GeneratedJsonConverter(JsonRead<T> read, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write)
    {
        _read = read;
        _write = write;
    }

    // A JSON null is null for reference types (the enum structs are never null).
    public sealed override T Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Null && default(T) is null ? default! : _read(ref reader);

    public sealed override void Write(global::System.Text.Json.Utf8JsonWriter writer, T value, global::System.Text.Json.JsonSerializerOptions options) => _write(writer, value);
}

/// <summary>
/// <c>JsonTypeInfo</c> for bodies that are not a generated model (lists, maps, scalars), so Refit's
/// <c>IJsonTypeInfoContentSerializer</c> reads and writes them with generated code, never reflection.
/// </summary>
internal static class GeneratedJson
{
    public static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> Create<T>(global::System.Text.Json.JsonSerializerOptions options, JsonRead<T> read, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write) =>
        global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<T>(options, new GeneratedJsonConverter<T>(read, write));
}
""";
}
