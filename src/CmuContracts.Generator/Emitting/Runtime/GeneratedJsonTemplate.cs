namespace CmuContracts.Generator.Emitting.Runtime;

/// <summary>Template of the generated runtime: JSON metadata over generated read/write code, for Refit's serializer.</summary>
internal static partial class RuntimeTemplates
{
    public const string GeneratedJson = """
/// <summary>Reads one JSON value from a positioned reader.</summary>
internal delegate T JsonRead<T>(ref global::System.Text.Json.Utf8JsonReader reader);

/// <summary>
/// The one converter of the generated code: <c>JsonSerializer</c> comes in through it, while generated code calls
/// each type's <c>{Type}Json</c> class directly. Every generated type names it in its <c>[JsonConverter]</c> attribute, so one class
/// serves them all (a class per type would cost every consumer build); other bodies (lists, maps, scalars) use it too.
/// </summary>
internal sealed class GeneratedJsonConverter<T> : global::System.Text.Json.Serialization.JsonConverter<T>
{
    private readonly JsonRead<T> _read;
    private readonly global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> _write;

    public GeneratedJsonConverter(JsonRead<T> read, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write)
    {
        _read = read;
        _write = write;
    }

    /// <summary>For <c>[JsonConverter]</c>: the generated context knows the reader and writer of every generated type.</summary>
    public GeneratedJsonConverter()
    {
        var known = (GeneratedJsonConverter<T>)__CONTEXT__.Options.GetTypeInfo(typeof(T)).Converter;
        _read = known._read;
        _write = known._write;
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
