using System.Text.Json;
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
        if (bytes is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            return new AccessToken(
                root.GetProperty("access_token").GetString()!,
                DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("issued_at").GetInt64()),
                DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("expires_at").GetInt64()))
            {
                ClientId = root.GetProperty("client_id").GetString(),
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            return null; // A damaged shared entry only costs one token request.
        }
    }

    /// <inheritdoc/>
    public async ValueTask SetAsync(CredentialKey key, AccessToken token, DateTimeOffset renewAt, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("access_token", token.Value);
            writer.WriteNumber("issued_at", token.IssuedAt.ToUnixTimeMilliseconds());
            writer.WriteNumber("expires_at", token.ExpiresAt.ToUnixTimeMilliseconds());
            writer.WriteString("client_id", token.ClientId);
            writer.WriteEndObject();
        }

        var entry = new DistributedCacheEntryOptions { AbsoluteExpiration = renewAt };
        await cache.SetAsync(Prefix + key, buffer.ToArray(), entry, cancellationToken).ConfigureAwait(false);
    }
}
