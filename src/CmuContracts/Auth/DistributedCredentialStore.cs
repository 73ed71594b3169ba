using System.Collections.Concurrent;
using System.Text.Json;
using CmuContracts.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CmuContracts.Auth;

/// <summary>
/// Credentials in an <see cref="IDistributedCache"/> (Redis for a fleet), without expiry: every instance uses the one
/// registration. A store failure never loses credentials: what this instance last read or wrote stays in memory, is
/// used while the cache cannot be read, and is written back when the cache answers empty (a Redis restarted without
/// persistence, a flush, a write that failed), so the fleet reuses it instead of registering again.
/// </summary>
public sealed class DistributedCredentialStore : ICredentialStore
{
    private const string Prefix = "CmuContracts:credentials:";
    private readonly IDistributedCache _cache;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<CredentialKey, ClientCredentials> _known = new();

    /// <summary>A store over <paramref name="cache"/>.</summary>
    public DistributedCredentialStore(IDistributedCache cache)
        : this(cache, NullLogger.Instance)
    {
    }

    /// <summary>A store over <paramref name="cache"/> that logs its failures and write-backs to <paramref name="logger"/>.</summary>
    public DistributedCredentialStore(IDistributedCache cache, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
        _logger = logger;
    }

    /// <inheritdoc/>
    public async ValueTask<ClientCredentials?> GetAsync(CredentialKey key, CancellationToken cancellationToken = default)
    {
        byte[]? bytes;
        try
        {
            bytes = await _cache.GetAsync(Prefix + key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            // Cannot read: what this instance knows is still good; else there is nothing to go on.
            return _known.TryGetValue(key, out var known) ? known : throw Unavailable(key, ex);
        }

        if (bytes is null)
        {
            // Empty where this instance has seen credentials: the store lost them. Give them back rather than register.
            if (!_known.TryGetValue(key, out var lost))
            {
                return null;
            }

            await TryWriteBackAsync(key, lost, cancellationToken).ConfigureAwait(false);
            return lost;
        }

        ClientCredentials read;
        try
        {
            read = CredentialsJson.Read(bytes);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw new CredentialStoreException($"The distributed credential entry for {key} is not valid credentials JSON ({ex.GetType().Name}).");
        }

        _known[key] = read; // The fleet's current credentials, another instance's registration included.
        return read;
    }

    /// <inheritdoc/>
    /// <exception cref="CredentialStoreException">The cache failed; the credentials are kept in memory and written back later.</exception>
    public async ValueTask SetAsync(CredentialKey key, ClientCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _known[key] = credentials;
        try
        {
            await _cache.SetAsync(Prefix + key, CredentialsJson.ToBytes(credentials), new DistributedCacheEntryOptions(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            throw new CredentialStoreException(
                $"The credentials for {key} (client id {credentials.ClientId}) could not be written to the distributed store ({ex.GetType().Name}); they are kept in memory and written back when it answers again.",
                ex);
        }
    }

    /// <summary>
    /// Writes back every credential this instance knows that the cache lacks (after a reconnection: Redis may have
    /// come back empty). One that is there already is left alone: it is the fleet's current one.
    /// </summary>
    /// <remarks>Failures are logged, not thrown: the credentials stay in memory either way.</remarks>
    public async Task WriteBackMissingAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (key, credentials) in _known)
        {
            try
            {
                if (await _cache.GetAsync(Prefix + key, cancellationToken).ConfigureAwait(false) is null)
                {
                    await TryWriteBackAsync(key, credentials, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
            {
                Log.WriteBackFailed(_logger, ex, key);
            }
        }
    }

    private async Task TryWriteBackAsync(CredentialKey key, ClientCredentials credentials, CancellationToken cancellationToken)
    {
        try
        {
            await _cache.SetAsync(Prefix + key, CredentialsJson.ToBytes(credentials), new DistributedCacheEntryOptions(), cancellationToken).ConfigureAwait(false);
            Log.CredentialsWrittenBack(_logger, key, credentials.ClientId);
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            Log.WriteBackFailed(_logger, ex, key);
        }
    }

    // Anything the cache throws is its failure, except the caller's own cancellation.
    private static bool IsStoreFailure(Exception ex, CancellationToken cancellationToken) =>
        !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested);

    // The library's Redis failure says what happened already; another cache's is wrapped.
    private static Exception Unavailable(CredentialKey key, Exception ex) => ex as CmuException
        ?? (Exception)new CredentialStoreException($"The distributed credential store cannot be read for {key} ({ex.GetType().Name}).", ex);
}
