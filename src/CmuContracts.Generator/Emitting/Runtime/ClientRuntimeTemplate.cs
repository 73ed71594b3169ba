namespace CmuContracts.Generator.Emitting.Runtime;

/// <summary>Template of the generated runtime: request building and response reading shared by the clients, and the query builder.</summary>
internal static partial class RuntimeTemplates
{
    public const string ClientRuntime = """
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
}
