using System.Collections.Concurrent;

namespace CmuContracts.Auth;

/// <summary>Credentials for this process only: a restart registers again (<c>UseInMemoryCredentialStore</c>).</summary>
public sealed class InMemoryCredentialStore : ICredentialStore
{
    private readonly ConcurrentDictionary<CredentialKey, ClientCredentials> _entries = new();

    /// <inheritdoc/>
    public ValueTask<ClientCredentials?> GetAsync(CredentialKey key, CancellationToken cancellationToken = default) =>
        new(_entries.TryGetValue(key, out var credentials) ? credentials : null);

    /// <inheritdoc/>
    public ValueTask SetAsync(CredentialKey key, ClientCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _entries[key] = credentials;
        return ValueTask.CompletedTask;
    }
}
