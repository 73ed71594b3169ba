using Microsoft.Extensions.Logging;

namespace CmuContracts.Auth;

/// <summary>
/// Serialises registration and token refresh across instances. In one process the token
/// manager's single flight suffices; processes sharing a credential file take the file's lock, a fleet the Redis
/// lock of <c>UseRedis</c> (package <c>CmuContracts.Redis</c>).
/// </summary>
public interface IAccessLock
{
    /// <summary>
    /// Takes the lock on <paramref name="resource"/>, waiting for its holder if need be; disposing the result
    /// releases it. A wait that runs out is an <see cref="AccessLockTimeoutException"/>.
    /// </summary>
    ValueTask<IAsyncDisposable> AcquireAsync(string resource, CancellationToken cancellationToken = default);
}

/// <summary>No cross-process coordination (the default).</summary>
internal sealed class InProcessAccessLock : IAccessLock, IAsyncDisposable
{
    public ValueTask<IAsyncDisposable> AcquireAsync(string resource, CancellationToken cancellationToken = default) => new(this);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A store that processes share through a file: it brings the operating-system lock that serialises them.</summary>
internal interface IFileBackedCredentialStore
{
    /// <summary>The lock beside the file, waiting at most <paramref name="wait"/> for another process.</summary>
    IAccessLock CreateAccessLock(TimeSpan wait, ILogger logger);
}
