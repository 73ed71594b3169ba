namespace CmuContracts;

/// <summary>
/// A call got no answer: the connection could not be made or was lost (<see cref="HttpRequestException"/> inside), or
/// a resilience strategy refused to send it (an open circuit breaker or a rate limiter, Polly's
/// <see cref="Polly.ExecutionRejectedException"/> inside). <see cref="CmuException.StatusCode"/> is null.
/// </summary>
public class CmuTransportException : CmuException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public CmuTransportException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong; never a secret.</param>
    public CmuTransportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the failure that caused it.</summary>
    /// <param name="message">What went wrong; never a secret.</param>
    /// <param name="innerException">The transport or resilience failure.</param>
    public CmuTransportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
