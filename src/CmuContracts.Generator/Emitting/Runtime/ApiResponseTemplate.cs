namespace CmuContracts.Generator.Emitting.Runtime;

/// <summary>Template of the generated runtime: a successful response: status, headers and the body.</summary>
internal static partial class RuntimeTemplates
{
    public const string ApiResponse = """
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
}
