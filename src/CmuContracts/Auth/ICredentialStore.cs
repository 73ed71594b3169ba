namespace CmuContracts.Auth;

/// <summary>Keeps client credentials between runs (or between instances of a fleet).</summary>
public interface ICredentialStore
{
    /// <summary>The stored credentials, or null when there are none.</summary>
    ValueTask<ClientCredentials?> GetAsync(CredentialKey key, CancellationToken cancellationToken = default);

    /// <summary>Stores credentials, replacing any for the key.</summary>
    ValueTask SetAsync(CredentialKey key, ClientCredentials credentials, CancellationToken cancellationToken = default);
}
