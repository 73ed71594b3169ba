namespace SpecNamespace.Internal;

/// <summary>Reads one JSON value from a positioned reader.</summary>
internal delegate T JsonRead<T>(ref global::System.Text.Json.Utf8JsonReader reader);

/// <summary>
/// A generated type that reads and writes its own JSON. Implemented explicitly, so the members stay off the type's
/// public surface; generated code reaches them through a type parameter (<c>T.Read</c>), which names no delegate and
/// so costs a consumer's build less than a method group would.
/// </summary>
internal interface IJsonModel<TSelf> where TSelf : IJsonModel<TSelf>
{
    /// <summary>Reads a value from the reader positioned on its first token (never a JSON null for reference types).</summary>
    static abstract TSelf Read(ref global::System.Text.Json.Utf8JsonReader reader);

    /// <summary>Writes a non-null value.</summary>
    static abstract void Write(global::System.Text.Json.Utf8JsonWriter writer, TSelf value);
}

/// <summary>A generated type's reader and writer as delegates, for the collection and union helpers.</summary>
internal static class JsonModel<T> where T : IJsonModel<T>
{
    public static readonly JsonRead<T> Read = T.Read;

    public static readonly global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> Write = T.Write;
}

/// <summary>
/// The one converter of the generated types: every one names it in its <c>[JsonConverter]</c> attribute, so
/// <c>JsonSerializer</c> uses the generated code with any options, and one class serves them all (a class per type
/// would cost every consumer build).
/// </summary>
internal sealed class GeneratedJsonConverter<T> : global::System.Text.Json.Serialization.JsonConverter<T> where T : IJsonModel<T>
{
    // A JSON null is null for reference types (the enum structs are never null).
    public sealed override T Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Null && default(T) is null ? default! : T.Read(ref reader);

    public sealed override void Write(global::System.Text.Json.Utf8JsonWriter writer, T value, global::System.Text.Json.JsonSerializerOptions options) => T.Write(writer, value);
}

/// <summary>The converter of bodies that are not a generated type (lists, maps, scalars): generated delegates.</summary>
internal sealed class JsonValueConverter<T> : global::System.Text.Json.Serialization.JsonConverter<T>
{
    private readonly JsonRead<T> _read;
    private readonly global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> _write;

    public JsonValueConverter(JsonRead<T> read, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write)
    {
        _read = read;
        _write = write;
    }

    public sealed override T Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Null && default(T) is null ? default! : _read(ref reader);

    public sealed override void Write(global::System.Text.Json.Utf8JsonWriter writer, T value, global::System.Text.Json.JsonSerializerOptions options) => _write(writer, value);
}

/// <summary>
/// <c>JsonTypeInfo</c> over generated code, so Refit's <c>IJsonTypeInfoContentSerializer</c> and the generated
/// context read and write every body without reflection.
/// </summary>
internal static class GeneratedJson
{
    public static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> Create<T>(global::System.Text.Json.JsonSerializerOptions options) where T : IJsonModel<T> =>
        global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<T>(options, new GeneratedJsonConverter<T>());

    public static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> Create<T>(global::System.Text.Json.JsonSerializerOptions options, JsonRead<T> read, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write) =>
        global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<T>(options, new JsonValueConverter<T>(read, write));
}
