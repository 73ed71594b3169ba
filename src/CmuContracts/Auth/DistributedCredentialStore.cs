using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;

namespace CmuContracts.Auth;

/// <summary>
/// Credentials in an <see cref="IDistributedCache"/> (Redis for a fleet), without expiry: every
/// instance uses the one registration.
/// </summary>
public sealed class DistributedCredentialStore(IDistributedCache cache) : ICredentialStore
{
    private const string Prefix = "CmuContracts:credentials:";

    /// <inheritdoc/>
    public async ValueTask<ClientCredentials?> GetAsync(CredentialKey key, CancellationToken cancellationToken = default)
    {
        var bytes = await cache.GetAsync(Prefix + key, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return CredentialsJson.Read(bytes);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw new CredentialStoreException($"The distributed credential entry for {key} is not valid credentials JSON ({ex.GetType().Name}).");
        }
    }

    /// <inheritdoc/>
    public async ValueTask SetAsync(CredentialKey key, ClientCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        await cache.SetAsync(Prefix + key, CredentialsJson.ToBytes(credentials), new DistributedCacheEntryOptions(), cancellationToken).ConfigureAwait(false);
    }
}
