namespace CmuContracts.Generator.Emitting.Runtime;

/// <summary>Template of the generated runtime: the exception every non-success response becomes.</summary>
internal static partial class RuntimeTemplates
{
    public const string ApiException = """
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
}
