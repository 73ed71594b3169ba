using Microsoft.Extensions.Caching.Distributed;

namespace CmuContracts.Auth;

/// <summary>Shares the current token through <see cref="IDistributedCache"/>, expiring when it must be renewed.</summary>
internal sealed class DistributedTokenCache(IDistributedCache cache) : ISharedTokenCache
{
    private const string Prefix = "CmuContracts:token:";

    /// <inheritdoc/>
    public async ValueTask<AccessToken?> GetAsync(CredentialKey key, CancellationToken cancellationToken)
    {
        var bytes = await cache.GetAsync(Prefix + key, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : AccessTokenJson.TryRead(bytes);
    }

    /// <inheritdoc/>
    public async ValueTask SetAsync(CredentialKey key, AccessToken token, DateTimeOffset renewAt, CancellationToken cancellationToken)
    {
        var entry = new DistributedCacheEntryOptions { AbsoluteExpiration = renewAt };
        await cache.SetAsync(Prefix + key, AccessTokenJson.ToBytes(token), entry, cancellationToken).ConfigureAwait(false);
    }
}
