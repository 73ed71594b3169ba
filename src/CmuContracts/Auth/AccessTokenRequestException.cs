namespace CmuContracts.Auth;

/// <summary>
/// The client-credentials grant failed: the token endpoint refused it (<see cref="CmuException.StatusCode"/> and the
/// OAuth <see cref="CmuException.ErrorCode"/>, with <see cref="CmuServiceException"/> inside), or the request got no
/// answer (<see cref="CmuTransportException"/> or <see cref="CmuTimeoutException"/> inside; never re-sent, as the
/// server may have processed it).
/// </summary>
public sealed class AccessTokenRequestException : CmuException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public AccessTokenRequestException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public AccessTokenRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the failure that caused it.</summary>
    public AccessTokenRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Creates the exception for a server answer: its HTTP <paramref name="statusCode"/> and OAuth <paramref name="error"/>
    /// code, if any. For a code Adobe documents, the message ends with what to do about it.
    /// </summary>
    public AccessTokenRequestException(string message, int statusCode, string? error)
        : base(OAuthErrorAdvice.Append(message, OAuthErrorAdvice.ForToken(error)))
    {
        StatusCode = statusCode;
        ErrorCode = error;
        OperationId = OAuthErrorAdvice.TokenOperation;
        Remedy = OAuthErrorAdvice.ForToken(error);
    }

    internal AccessTokenRequestException(string message, CmuException cause)
        : base(OAuthErrorAdvice.Append(message, cause is CmuServiceException ? OAuthErrorAdvice.ForToken(cause.ErrorCode) : null), cause)
    {
        StatusCode = cause.StatusCode;
        ErrorCode = cause.ErrorCode;
        OperationId = cause.OperationId ?? OAuthErrorAdvice.TokenOperation;
        Remedy = cause is CmuServiceException ? OAuthErrorAdvice.ForToken(cause.ErrorCode) ?? cause.Remedy : cause.Remedy;
    }

    /// <summary><c>invalid_client</c>: the credentials are unknown or wrong, so the client must register again.</summary>
    public bool IsInvalidClient => string.Equals(ErrorCode, "invalid_client", StringComparison.Ordinal);
}
