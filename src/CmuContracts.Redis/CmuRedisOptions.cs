namespace CmuContracts;

/// <summary>
/// How a fleet of instances shares one registration and one token through Redis
/// (<c>AddCmuClient(...).UseRedis(...)</c>). Validated at start.
/// </summary>
public sealed class CmuRedisOptions
{
    /// <summary>
    /// The StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c> or
    /// <c>redis.internal:6380,ssl=true,password=...</c>. Required. Never logged or shown in an exception.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// How long the cross-process lock is held before Redis drops it if its holder dies. The holder
    /// extends it every third of the lease while it works. Default 30 s; at least 1 s.
    /// </summary>
    public TimeSpan LockLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an instance waits for another instance's registration or token request before giving up
    /// with an <see cref="Auth.AccessLockTimeoutException"/>. Default 2 min; at least 1 s.
    /// </summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Shows the settings, never the configuration string (it may hold a password).</summary>
    public override string ToString() =>
        $"CmuRedisOptions(configuration {(string.IsNullOrWhiteSpace(Configuration) ? "not set" : "set")}, lease {LockLease}, wait {LockWait})";
}
