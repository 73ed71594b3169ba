namespace CmuContracts.Auth;

/// <summary>
/// Another instance held the access lock (registration or token request) for longer than this one may wait: the fleet's
/// Redis lock (<c>CmuRedisOptions.LockWait</c>) or the credential file's lock (twice
/// <see cref="CmuResilienceOptions.TotalTimeout"/>). Nothing was sent; a later call tries again.
/// </summary>
public sealed class AccessLockTimeoutException : CmuException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public AccessLockTimeoutException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public AccessLockTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the failure that caused it.</summary>
    public AccessLockTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The lock's resource: the software id and registration endpoint (neither is secret).</summary>
    public string? Resource { get; init; }

    /// <summary>How long this instance waited.</summary>
    public TimeSpan Waited { get; init; }
}
