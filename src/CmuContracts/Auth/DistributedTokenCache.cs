using Microsoft.Extensions.Caching.Distributed;

namespace CmuContracts.Auth;

/// <summary>Shares the current token through <paramref name="cache"/>, expiring when it must be renewed.</summary>
/// <remarks>
/// Failures are <see cref="CredentialStoreException"/>s (the library's Redis failures stay <see cref="CmuRedisException"/>s
/// when reading): a token that cannot be shared is still good in memory, so the token provider only logs a failed write.
/// </remarks>
public sealed class DistributedTokenCache(IDistributedCache cache) : ISharedTokenCache
{
    private const string Prefix = "CmuContracts:token:";

    /// <inheritdoc/>
    public async ValueTask<AccessToken?> GetAsync(CredentialKey key, CancellationToken cancellationToken = default)
    {
        byte[]? bytes;
        try
        {
            bytes = await cache.GetAsync(Prefix + key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not CmuException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw new CredentialStoreException($"The shared access token for {key} cannot be read from the distributed cache ({ex.GetType().Name}).", ex);
        }

        return bytes is null ? null : AccessTokenJson.TryRead(bytes);
    }

    /// <inheritdoc/>
    public async ValueTask SetAsync(CredentialKey key, AccessToken token, DateTimeOffset renewAt, CancellationToken cancellationToken = default)
    {
        var entry = new DistributedCacheEntryOptions { AbsoluteExpiration = renewAt };
        try
        {
            await cache.SetAsync(Prefix + key, AccessTokenJson.ToBytes(token), entry, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw new CredentialStoreException($"The access token for {key} could not be shared through the distributed cache ({ex.GetType().Name}); it is used from memory.", ex);
        }
    }
}
