namespace CmuContracts;

/// <summary>
/// A call got no answer in time: an attempt or the whole call (retries included) ran out of
/// <see cref="CmuResilienceOptions.AttemptTimeout"/> or <see cref="CmuResilienceOptions.TotalTimeout"/>. Polly's
/// <see cref="Polly.Timeout.TimeoutRejectedException"/> is the inner exception. A cancellation the caller asked for is
/// never this exception: it stays an <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class CmuTimeoutException : CmuTransportException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public CmuTimeoutException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong; never a secret.</param>
    public CmuTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the failure that caused it.</summary>
    /// <param name="message">What went wrong; never a secret.</param>
    /// <param name="innerException">The timeout.</param>
    public CmuTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The timeout that ran out, when known.</summary>
    public TimeSpan? Timeout { get; init; }
}
