using System.Collections.Generic;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>
/// The support code every generated client uses, emitted once per spec into its namespace (public
/// types) and its <c>.Internal</c> namespace (helpers), so a consumer needs no runtime package.
/// </summary>
internal static class RuntimeEmitter
{
    public static IEnumerable<GeneratedFile> Emit(ApiModel model)
    {
        yield return File(model, "ApiException", ApiExceptionSource);
        yield return File(model, "ApiResponse", ApiResponseSource);
        yield return File(model, "ApiRequestOptions", ApiRequestOptionsSource);
        yield return File(model, "Internal.ClientRuntime", ClientRuntimeSource, internalNamespace: true);
        yield return File(model, "Internal.JsonValueReader", JsonValueReaderSource, internalNamespace: true);
        yield return File(model, "Internal.JsonValueWriter", JsonValueWriterSource, internalNamespace: true);
    }

    private static GeneratedFile File(ApiModel model, string part, string body, bool internalNamespace = false)
    {
        var writer = new SourceWriter().FileHeader("the CmuContracts runtime template");
        writer.Line("namespace " + model.Namespace + (internalNamespace ? ".Internal" : string.Empty) + ";");
        writer.Line();
        writer.Lines(body);
        return new GeneratedFile(model.HintPrefix + "." + part + ".g.cs", writer.ToString());
    }

    private const string ApiExceptionSource = """
/// <summary>
/// Thrown when the server answers with a non-success status, or when a success response cannot be
/// read as the spec declares. Carries the status, the parsed error body (when the spec declares one)
/// and the raw body.
/// </summary>
public class ApiException : global::System.Exception
{
    public ApiException(string message, string operationId, int statusCode, string? reasonPhrase, object? error, string? rawBody, global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>> headers, global::System.Exception? innerException = null)
        : base(message, innerException)
    {
        OperationId = operationId;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Error = error;
        RawBody = rawBody;
        Headers = headers;
    }

    /// <summary>The operationId of the call that failed.</summary>
    public string OperationId { get; }

    /// <summary>The HTTP status code of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The HTTP reason phrase, if the server sent one.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>The error body parsed as the type the spec declares for this status, or null.</summary>
    public object? Error { get; }

    /// <summary>The response body as text, or null when there was none.</summary>
    public string? RawBody { get; }

    /// <summary>Response and content headers, case-insensitive.</summary>
    public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>> Headers { get; }

    /// <summary>Gets the parsed error body when it is of type <typeparamref name="TError"/>.</summary>
    public bool TryGetError<TError>([global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TError? error)
    {
        if (Error is TError typed)
        {
            error = typed;
            return true;
        }

        error = default;
        return false;
    }
}
""";

    private const string ApiResponseSource = """
/// <summary>The status and headers of a successful response.</summary>
public class ApiResponse
{
    public ApiResponse(global::System.Net.HttpStatusCode statusCode, global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>> headers)
    {
        StatusCode = statusCode;
        Headers = headers;
    }

    /// <summary>The HTTP status code (any 2xx).</summary>
    public global::System.Net.HttpStatusCode StatusCode { get; }

    /// <summary>Response and content headers, case-insensitive.</summary>
    public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>> Headers { get; }

    /// <summary>The first value of a header, or null.</summary>
    public string? GetHeader(string name) => Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}

/// <summary>A successful response and its body read as <typeparamref name="T"/>.</summary>
public class ApiResponse<T> : ApiResponse
{
    public ApiResponse(global::System.Net.HttpStatusCode statusCode, global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>> headers, T value)
        : base(statusCode, headers)
    {
        Value = value;
    }

    /// <summary>The response body.</summary>
    public T Value { get; }
}
""";

    private const string ApiRequestOptionsSource = """
/// <summary>
/// Keys of the <see cref="global::System.Net.Http.HttpRequestMessage.Options"/> every generated call sets, so
/// handlers (authentication, logging) know which operation they are sending and what security it needs.
/// The key names are the same in every generated client.
/// </summary>
public static class ApiRequestOptions
{
    /// <summary>The operationId of the call.</summary>
    public static readonly global::System.Net.Http.HttpRequestOptionsKey<string> OperationId = new("CmuContracts.OperationId");

    /// <summary>
    /// The operation's security alternatives: any one of them is enough. Each is a '+'-joined list of
    /// scheme descriptors such as "http:bearer", "http:basic", "apiKey:header:X-Key" or "oauth2".
    /// Empty means the operation needs no credentials.
    /// </summary>
    public static readonly global::System.Net.Http.HttpRequestOptionsKey<string[]> Security = new("CmuContracts.Security");
}
""";

    private const string ClientRuntimeSource = """
/// <summary>Request building and response reading shared by the generated clients.</summary>
internal static class ClientRuntime
{
    /// <summary>Reads one JSON value from a positioned reader.</summary>
    internal delegate T JsonRead<T>(ref global::System.Text.Json.Utf8JsonReader reader);

    private static readonly global::System.Text.Encoding Utf8 = new global::System.Text.UTF8Encoding(false);

    internal static global::System.Uri BuildUri(global::System.Uri? baseAddress, string defaultServer, string path, QueryBuilder? query)
    {
        // The HttpClient's BaseAddress wins (tests, emulator, other environments); else the spec's server.
        var root = baseAddress?.OriginalString ?? defaultServer;
        var text = root.TrimEnd('/') + path;
        if (query is not null && query.Length > 0)
        {
            text += "?" + query.ToString();
        }

        return new global::System.Uri(text, global::System.UriKind.RelativeOrAbsolute);
    }

    internal static string Format(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        global::System.DateOnly d => d.ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture),
        global::System.DateTimeOffset dt => dt.ToString("O", global::System.Globalization.CultureInfo.InvariantCulture),
        global::System.IFormattable f => f.ToString(null, global::System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    internal static string Join<T>(string separator, global::System.Collections.Generic.IEnumerable<T> values)
    {
        var builder = new global::System.Text.StringBuilder();
        foreach (var value in values)
        {
            if (builder.Length > 0)
            {
                builder.Append(separator);
            }

            builder.Append(Format(value));
        }

        return builder.ToString();
    }

    internal static string EscapePath(object? value) => global::System.Uri.EscapeDataString(Format(value));

    internal static global::System.Net.Http.HttpContent CreateJsonContent<T>(T value, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write, string mediaType)
    {
        var buffer = new global::System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer))
        {
            write(writer, value);
        }

        var content = new global::System.Net.Http.ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return content;
    }

    internal static global::System.Net.Http.HttpContent CreateTextContent(string value, string mediaType) =>
        new global::System.Net.Http.StringContent(value, Utf8, mediaType);

    internal static global::System.Net.Http.HttpContent CreateBinaryContent(byte[] value, string mediaType)
    {
        var content = new global::System.Net.Http.ByteArrayContent(value);
        content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return content;
    }

    internal static global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>> ReadHeaders(global::System.Net.Http.HttpResponseMessage response)
    {
        var headers = new global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.IReadOnlyList<string>>(global::System.StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = new global::System.Collections.Generic.List<string>(header.Value);
        }

        foreach (var header in response.Content.Headers)
        {
            headers[header.Key] = new global::System.Collections.Generic.List<string>(header.Value);
        }

        return headers;
    }

    internal static async global::System.Threading.Tasks.Task<ApiResponse<T>> ReadJsonAsync<T>(global::System.Net.Http.HttpResponseMessage response, string operationId, string typeName, JsonRead<T> read, global::System.Threading.CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var headers = ReadHeaders(response);
        if (body.Length == 0)
        {
            throw Unreadable(response, operationId, typeName, "the body was empty", null, headers, null);
        }

        try
        {
            var reader = new global::System.Text.Json.Utf8JsonReader(body, new global::System.Text.Json.JsonReaderOptions { CommentHandling = global::System.Text.Json.JsonCommentHandling.Skip });
            reader.Read();
            var value = read(ref reader);
            if (value is null)
            {
                throw new global::System.Text.Json.JsonException("the body was JSON null");
            }

            return new ApiResponse<T>(response.StatusCode, headers, value);
        }
        catch (global::System.Exception ex) when (ex is global::System.Text.Json.JsonException or global::System.FormatException or global::System.InvalidOperationException or global::System.OverflowException or global::System.ArgumentException)
        {
            throw Unreadable(response, operationId, typeName, ex.Message, Utf8.GetString(body), headers, ex);
        }
    }

    internal static async global::System.Threading.Tasks.Task<ApiResponse<string>> ReadTextAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new ApiResponse<string>(response.StatusCode, ReadHeaders(response), text);
    }

    internal static async global::System.Threading.Tasks.Task<ApiResponse<byte[]>> ReadBinaryAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new ApiResponse<byte[]>(response.StatusCode, ReadHeaders(response), bytes);
    }

    internal static ApiResponse ReadEmpty(global::System.Net.Http.HttpResponseMessage response) =>
        new(response.StatusCode, ReadHeaders(response));

    /// <summary>Builds the exception for a non-success response, parsing the declared error body when possible.</summary>
    internal static async global::System.Threading.Tasks.Task<ApiException> CreateExceptionAsync(global::System.Net.Http.HttpResponseMessage response, string operationId, global::System.Func<int, string?, byte[], object?>? readError, global::System.Threading.CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        object? error = null;
        if (readError is not null && body.Length > 0)
        {
            try
            {
                error = readError(status, mediaType, body);
            }
            catch (global::System.Exception ex) when (ex is global::System.Text.Json.JsonException or global::System.FormatException or global::System.InvalidOperationException or global::System.OverflowException or global::System.ArgumentException)
            {
                // An error body that does not match the spec is still reported; RawBody keeps it.
                error = null;
            }
        }

        var raw = body.Length == 0 ? null : Utf8.GetString(body);
        var message = operationId + " failed: the server answered HTTP " + status + (response.ReasonPhrase is { Length: > 0 } reason ? " (" + reason + ")" : string.Empty)
            + Summarize(raw) + ". " + Advice(status);
        return new ApiException(message, operationId, status, response.ReasonPhrase, error, raw, ReadHeaders(response));
    }

    internal static object? ReadJsonError<T>(byte[] body, JsonRead<T> read)
    {
        var reader = new global::System.Text.Json.Utf8JsonReader(body);
        reader.Read();
        return read(ref reader);
    }

    internal static bool IsJson(string? mediaType) =>
        mediaType is not null && (mediaType.Equals("application/json", global::System.StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", global::System.StringComparison.OrdinalIgnoreCase));

    internal static bool IsText(string? mediaType) =>
        mediaType is not null && mediaType.StartsWith("text/", global::System.StringComparison.OrdinalIgnoreCase);

    private static ApiException Unreadable(global::System.Net.Http.HttpResponseMessage response, string operationId, string typeName, string reason, string? raw, global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyList<string>> headers, global::System.Exception? inner) =>
        new(operationId + " succeeded with HTTP " + (int)response.StatusCode + " but its body could not be read as " + typeName + ": " + reason
            + ". The server's answer does not match the spec: check the spec or the server (RawBody has the body).",
            operationId, (int)response.StatusCode, response.ReasonPhrase, null, raw, headers, inner);

    private static string Summarize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return string.Empty;
        }

        var text = raw!.Replace('\r', ' ').Replace('\n', ' ').Trim();
        return ": " + (text.Length > 200 ? text.Substring(0, 200) + "…" : text);
    }

    private static string Advice(int status) => status switch
    {
        400 => "The request was rejected: check the parameters against the API documentation (Error and RawBody have the server's reason)",
        401 => "The credentials were missing or rejected: obtain a new access token and retry",
        403 => "The caller is authenticated but not allowed to do this: check the application's entitlements",
        404 => "The resource or path does not exist: check the path and its parameters",
        405 => "The server does not allow this method here",
        406 => "The server cannot produce the requested media type: change the Accept header or format",
        429 => "Too many requests: wait before retrying (see the Retry-After header if present)",
        >= 500 => "The server failed: retry later, and report it if it persists",
        _ => "See Error and RawBody for the server's answer",
    };
}

/// <summary>Builds a query string with RFC 3986 escaping.</summary>
internal sealed class QueryBuilder
{
    private readonly global::System.Text.StringBuilder _builder = new();

    public int Length => _builder.Length;

    public void Add(string name, string value)
    {
        AddKey(name);
        _builder.Append('=').Append(global::System.Uri.EscapeDataString(value));
    }

    /// <summary>A key without a value (e.g. a bare dimension name that forces a projection).</summary>
    public void AddKey(string name)
    {
        if (_builder.Length > 0)
        {
            _builder.Append('&');
        }

        // '!' is legal in a query (RFC 3986 sub-delims) and some APIs give it meaning in keys (d!=v), so keep it literal.
        _builder.Append(global::System.Uri.EscapeDataString(name).Replace("%21", "!"));
    }

    public override string ToString() => _builder.ToString();
}
""";

    private const string JsonValueReaderSource = """
/// <summary>
/// Reads JSON scalars leniently: numbers also from numeric strings ("205"), strings also from numbers,
/// so small server inconsistencies do not break a client.
/// </summary>
internal static class JsonValueReader
{
    public static string ReadString(ref global::System.Text.Json.Utf8JsonReader reader) => reader.TokenType switch
    {
        global::System.Text.Json.JsonTokenType.String => reader.GetString()!,
        global::System.Text.Json.JsonTokenType.Number or global::System.Text.Json.JsonTokenType.True or global::System.Text.Json.JsonTokenType.False =>
            global::System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? global::System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()),
        _ => throw Unexpected(ref reader, "a string"),
    };

    public static bool ReadBoolean(ref global::System.Text.Json.Utf8JsonReader reader) => reader.TokenType switch
    {
        global::System.Text.Json.JsonTokenType.True => true,
        global::System.Text.Json.JsonTokenType.False => false,
        global::System.Text.Json.JsonTokenType.String => bool.Parse(reader.GetString()!),
        _ => throw Unexpected(ref reader, "a boolean"),
    };

    public static int ReadInt32(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.String ? int.Parse(reader.GetString()!, global::System.Globalization.NumberStyles.Integer, global::System.Globalization.CultureInfo.InvariantCulture) : reader.GetInt32();

    public static long ReadInt64(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.String ? long.Parse(reader.GetString()!, global::System.Globalization.NumberStyles.Integer, global::System.Globalization.CultureInfo.InvariantCulture) : reader.GetInt64();

    public static float ReadSingle(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.String ? float.Parse(reader.GetString()!, global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture) : reader.GetSingle();

    public static double ReadDouble(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.String ? double.Parse(reader.GetString()!, global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture) : reader.GetDouble();

    public static decimal ReadDecimal(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.String ? decimal.Parse(reader.GetString()!, global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture) : reader.GetDecimal();

    public static global::System.DateOnly ReadDate(ref global::System.Text.Json.Utf8JsonReader reader) =>
        global::System.DateOnly.ParseExact(ReadString(ref reader), "yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture);

    public static global::System.DateTimeOffset ReadDateTime(ref global::System.Text.Json.Utf8JsonReader reader) =>
        global::System.DateTimeOffset.Parse(ReadString(ref reader), global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.AssumeUniversal);

    public static global::System.Guid ReadGuid(ref global::System.Text.Json.Utf8JsonReader reader) => reader.GetGuid();

    public static global::System.Uri ReadUri(ref global::System.Text.Json.Utf8JsonReader reader) =>
        new(ReadString(ref reader), global::System.UriKind.RelativeOrAbsolute);

    public static byte[] ReadBytes(ref global::System.Text.Json.Utf8JsonReader reader) => reader.GetBytesFromBase64();

    public static global::System.Text.Json.JsonElement ReadAny(ref global::System.Text.Json.Utf8JsonReader reader) =>
        global::System.Text.Json.JsonElement.ParseValue(ref reader);

    public static global::System.Collections.Generic.List<T> ReadList<T>(ref global::System.Text.Json.Utf8JsonReader reader, ClientRuntime.JsonRead<T> readItem)
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

    public static global::System.Collections.Generic.Dictionary<string, T> ReadMap<T>(ref global::System.Text.Json.Utf8JsonReader reader, ClientRuntime.JsonRead<T> readValue)
    {
        if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "an object");
        }

        var map = new global::System.Collections.Generic.Dictionary<string, T>(global::System.StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = readValue(ref reader);
        }

        return map;
    }

    /// <summary>Tries to read a whole JSON value as one union variant; false (never an exception) when it does not fit.</summary>
    public static bool TryRead<T>(global::System.Text.Json.JsonElement element, ClientRuntime.JsonRead<T> read, out T? value)
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
""";

    private const string JsonValueWriterSource = """
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
