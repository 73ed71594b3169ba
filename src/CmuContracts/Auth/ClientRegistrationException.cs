namespace CmuContracts.Auth;

/// <summary>
/// Registration of the software statement failed: the server's OAuth error code (e.g.
/// <c>invalid_software_statement</c>, <c>unapproved_software_statement</c>) and HTTP status.
/// </summary>
public sealed class ClientRegistrationException : Exception
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
        Error = error;
    }

    /// <summary>The HTTP status, when the server answered.</summary>
    public int? StatusCode { get; }

    /// <summary>The OAuth <c>error</c> code, when the server sent one.</summary>
    public string? Error { get; }
}
