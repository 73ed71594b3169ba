namespace CmuContracts;

/// <summary>
/// The root of the library's exceptions: a failure the library detected or Adobe Pass reported, with what is known
/// about it (the HTTP status, the service's error code, the spec operation) and what to do next. Messages never
/// contain a secret (client secret, access token, software statement).
/// </summary>
public class CmuException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public CmuException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong; never a secret.</param>
    public CmuException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the failure that caused it.</summary>
    /// <param name="message">What went wrong; never a secret.</param>
    /// <param name="innerException">The cause.</param>
    public CmuException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status of the answer that failed, if an answer was the cause.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The service's error code (e.g. the OAuth <c>error</c> value <c>invalid_client</c>), if it sent one.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The spec operation concerned (its <c>operationId</c>), if any.</summary>
    public string? OperationId { get; init; }

    /// <summary>What to do next, in one or two sentences, if the library knows.</summary>
    public string? Remedy { get; init; }
}
