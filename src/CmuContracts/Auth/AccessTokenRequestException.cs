namespace CmuContracts.Auth;

/// <summary>The token endpoint refused the client-credentials grant.</summary>
public sealed class AccessTokenRequestException : Exception
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
        Error = error;
    }

    /// <summary>The HTTP status, when the server answered.</summary>
    public int? StatusCode { get; }

    /// <summary>The OAuth <c>error</c> code, when the server sent one.</summary>
    public string? Error { get; }

    /// <summary><c>invalid_client</c>: the credentials are unknown or wrong, so the client must register again.</summary>
    public bool IsInvalidClient => string.Equals(Error, "invalid_client", StringComparison.Ordinal);
}
