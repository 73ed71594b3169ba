namespace CmuContracts.Auth;

/// <summary>
/// The Redis of <c>UseRedis</c> failed or did not answer within the library's bound (a third of
/// <c>CmuRedisOptions.LockLease</c> or <see cref="CmuResilienceOptions.AttemptTimeout"/>, whichever is shorter).
/// The message names the endpoint and the command, never the configuration string (it may hold a password); the
/// StackExchange.Redis failure, if any, is the inner exception.
/// </summary>
public sealed class CmuRedisException : CmuException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public CmuRedisException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public CmuRedisException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the failure that caused it.</summary>
    public CmuRedisException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What was asked of Redis, e.g. <c>take the access lock</c>.</summary>
    public string? Operation { get; init; }

    /// <summary>How long a Redis command may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; init; }
}
