namespace CmuContracts.Auth;

/// <summary>
/// Registration of the software statement failed: the server refused it (<see cref="CmuException.StatusCode"/> and
/// the OAuth <see cref="CmuException.ErrorCode"/>, e.g. <c>invalid_software_statement</c>, with
/// <see cref="CmuServiceException"/> inside), or the request got no answer (<see cref="CmuTransportException"/> or
/// <see cref="CmuTimeoutException"/> inside; never re-sent, as the server may have processed it).
/// </summary>
public sealed class ClientRegistrationException : CmuException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public ClientRegistrationException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ClientRegistrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the failure that caused it.</summary>
    public ClientRegistrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Creates the exception for a server answer: its HTTP <paramref name="statusCode"/> and OAuth <paramref name="error"/>
    /// code, if any. For a code Adobe documents, the message ends with what to do about it.
    /// </summary>
    public ClientRegistrationException(string message, int statusCode, string? error)
        : base(OAuthErrorAdvice.Append(message, OAuthErrorAdvice.ForRegistration(error)))
    {
        StatusCode = statusCode;
        ErrorCode = error;
        OperationId = OAuthErrorAdvice.RegistrationOperation;
        Remedy = OAuthErrorAdvice.ForRegistration(error);
    }

    internal ClientRegistrationException(string message, CmuException cause)
        : base(OAuthErrorAdvice.Append(message, cause is CmuServiceException ? OAuthErrorAdvice.ForRegistration(cause.ErrorCode) : null), cause)
    {
        StatusCode = cause.StatusCode;
        ErrorCode = cause.ErrorCode;
        OperationId = cause.OperationId ?? OAuthErrorAdvice.RegistrationOperation;
        Remedy = cause is CmuServiceException ? OAuthErrorAdvice.ForRegistration(cause.ErrorCode) ?? cause.Remedy : cause.Remedy;
    }
}
