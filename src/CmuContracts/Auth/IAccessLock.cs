using Microsoft.Extensions.Logging;

namespace CmuContracts.Auth;

/// <summary>
/// Serialises registration and token refresh across instances. In one process the token
/// provider's single flight suffices; a fleet uses a Redis lock.
/// </summary>
internal interface IAccessLock
{
    ValueTask<IAsyncDisposable> AcquireAsync(string resource, CancellationToken cancellationToken);
}

/// <summary>No cross-process coordination (the default).</summary>
internal sealed class InProcessAccessLock : IAccessLock, IAsyncDisposable
{
    public ValueTask<IAsyncDisposable> AcquireAsync(string resource, CancellationToken cancellationToken) => new(this);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A store that processes share through a file: it brings the operating-system lock that serialises them.</summary>
internal interface IFileBackedCredentialStore
{
    /// <summary>The lock beside the file, waiting at most <paramref name="wait"/> for another process.</summary>
    IAccessLock CreateAccessLock(TimeSpan wait, ILogger logger);
}
