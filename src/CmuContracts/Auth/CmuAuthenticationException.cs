namespace CmuContracts.Auth;

/// <summary>
/// CMU rejected a freshly obtained token too (a persistent 401, or 403 after registering again):
/// retrying would loop, so the call fails.
/// </summary>
public sealed class CmuAuthenticationException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public CmuAuthenticationException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public CmuAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the failure that caused it.</summary>
    public CmuAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refused call: its HTTP <paramref name="statusCode"/> and the spec <paramref name="operationId"/>.</summary>
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
