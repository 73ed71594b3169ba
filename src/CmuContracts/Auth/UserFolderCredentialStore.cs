using CmuContracts.Http;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Auth;

/// <summary>
/// The default store: <c>credentials.json</c> in the user's cmu folder, credentials and token together. A folder
/// that cannot be written is not a failure: one warning, then both stay in memory for the rest of the process.
/// (A file that cannot be read as credentials still fails, as any credential file does: it may be the only copy.)
/// </summary>
internal sealed class UserFolderCredentialStore(FileCredentialStore file, ILogger logger) : ICredentialStore, ISharedTokenCache, IFileBackedCredentialStore, IDisposable
{
    private readonly InMemoryCredentialStore _memory = new();
    private readonly ISharedTokenCache _fileTokens = file;
    private volatile bool _inMemory;

    /// <summary>The file's full path.</summary>
    public string FilePath => file.FilePath;

    // A folder that cannot be written may still be read: what it held before stays usable.
    public async ValueTask<ClientCredentials?> GetAsync(CredentialKey key, CancellationToken cancellationToken = default) =>
        (_inMemory ? await _memory.GetAsync(key, cancellationToken).ConfigureAwait(false) : null)
        ?? await file.GetAsync(key, cancellationToken).ConfigureAwait(false);

    public async ValueTask SetAsync(CredentialKey key, ClientCredentials credentials, CancellationToken cancellationToken = default)
    {
        await _memory.SetAsync(key, credentials, cancellationToken).ConfigureAwait(false);
        if (!_inMemory)
        {
            try
            {
                await file.SetAsync(key, credentials, cancellationToken).ConfigureAwait(false);
            }
            catch (CredentialStoreException ex)
            {
                FallBack(ex);
            }
        }
    }

    // In memory, the token provider keeps its own copy; a token the file held before is still worth reading.
    ValueTask<AccessToken?> ISharedTokenCache.GetAsync(CredentialKey key, CancellationToken cancellationToken) =>
        _fileTokens.GetAsync(key, cancellationToken);

    async ValueTask ISharedTokenCache.SetAsync(CredentialKey key, AccessToken token, DateTimeOffset renewAt, CancellationToken cancellationToken)
    {
        if (!_inMemory)
        {
            try
            {
                await _fileTokens.SetAsync(key, token, renewAt, cancellationToken).ConfigureAwait(false);
            }
            catch (CredentialStoreException ex)
            {
                FallBack(ex);
            }
        }
    }

    public void Dispose() => file.Dispose();

    // A folder that cannot be written cannot hold the lock file either: the lock then lets this process go ahead.
    public IAccessLock CreateAccessLock(TimeSpan wait, ILogger lockLogger) => ((IFileBackedCredentialStore)file).CreateAccessLock(wait, lockLogger);

    private void FallBack(CredentialStoreException ex)
    {
        if (!_inMemory)
        {
            _inMemory = true;
            Log.UserFolderNotWritable(logger, ex, Path.GetDirectoryName(file.FilePath)!);
        }
    }
}
