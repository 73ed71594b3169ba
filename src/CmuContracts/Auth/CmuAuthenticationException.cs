namespace CmuContracts.Auth;

/// <summary>
/// CMU rejected a freshly obtained token too (a persistent 401, or 403 after registering again):
/// retrying would loop, so the call fails.
/// </summary>
public sealed class CmuAuthenticationException : CmuException
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
        Remedy = statusCode == 403
            ? "The client's registration is refused by CMU: check with Adobe (tve-support@adobe.com) that the software statement's application may use CMU."
            : "Check with Adobe (tve-support@adobe.com) that this client has CMU access in this environment.";
    }
}
