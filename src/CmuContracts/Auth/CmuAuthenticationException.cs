namespace CmuContracts.Auth;

/// <summary>
/// CMU rejected a freshly obtained token too (a persistent 401, or 403 after registering again):
/// retrying would loop, so the call fails.
/// </summary>
public sealed class CmuAuthenticationException : Exception
{
    public CmuAuthenticationException()
    {
    }

    public CmuAuthenticationException(string message)
        : base(message)
    {
    }

    public CmuAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CmuAuthenticationException(string message, int statusCode, string? operationId)
        : base(message)
    {
        StatusCode = statusCode;
        OperationId = operationId;
    }

    /// <summary>The final HTTP status (401 or 403).</summary>
    public int StatusCode { get; }

    /// <summary>The operation that was refused.</summary>
    public string? OperationId { get; }
}
