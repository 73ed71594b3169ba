namespace CmuContracts.Generator.Emitting.Runtime;

/// <summary>Template of the generated runtime: JSON metadata over generated read/write code, for Refit's serializer.</summary>
internal static partial class RuntimeTemplates
{
    public const string GeneratedJson = """
/// <summary>Reads one JSON value from a positioned reader.</summary>
internal delegate T JsonRead<T>(ref global::System.Text.Json.Utf8JsonReader reader);

/// <summary>
/// Base of the generated converters of objects and unions: <c>JsonSerializer</c> comes in through here (a JSON
/// null is null), while generated code calls each converter's static <c>ReadValue</c>/<c>WriteValue</c> directly.
/// </summary>
internal abstract class ModelJsonConverter<T> : global::System.Text.Json.Serialization.JsonConverter<T>
    where T : class
{
    private readonly JsonRead<T> _read;
    private readonly global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> _write;

    protected ModelJsonConverter(JsonRead<T> read, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write)
    {
        _read = read;
        _write = write;
    }

    public sealed override T? Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : _read(ref reader);

    public sealed override void Write(global::System.Text.Json.Utf8JsonWriter writer, T value, global::System.Text.Json.JsonSerializerOptions options) => _write(writer, value);
}

/// <summary>The same for the generated enum structs, which are never null.</summary>
internal abstract class EnumJsonConverter<T> : global::System.Text.Json.Serialization.JsonConverter<T>
    where T : struct
{
    private readonly JsonRead<T> _read;
    private readonly global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> _write;

    protected EnumJsonConverter(JsonRead<T> read, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write)
    {
        _read = read;
        _write = write;
    }

    public sealed override T Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => _read(ref reader);

    public sealed override void Write(global::System.Text.Json.Utf8JsonWriter writer, T value, global::System.Text.Json.JsonSerializerOptions options) => _write(writer, value);
}

/// <summary>
/// <c>JsonTypeInfo</c> for bodies that are not a generated model (lists, maps, scalars), so Refit's
/// <c>IJsonTypeInfoContentSerializer</c> reads and writes them with generated code, never reflection.
/// </summary>
internal static class GeneratedJson
{
    public static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> Create<T>(global::System.Text.Json.JsonSerializerOptions options, JsonRead<T> read, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write) =>
        global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<T>(options, new DelegateConverter<T>(read, write));

    private sealed class DelegateConverter<T> : global::System.Text.Json.Serialization.JsonConverter<T>
    {
        private readonly JsonRead<T> _read;
        private readonly global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> _write;

        public DelegateConverter(JsonRead<T> read, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write)
        {
            _read = read;
            _write = write;
        }

        public override T Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => _read(ref reader);

        public override void Write(global::System.Text.Json.Utf8JsonWriter writer, T value, global::System.Text.Json.JsonSerializerOptions options) => _write(writer, value);
    }
}
""";
}
