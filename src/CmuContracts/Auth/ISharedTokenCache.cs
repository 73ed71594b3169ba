namespace CmuContracts.Auth;

/// <summary>Tokens shared by a fleet; absent (null) for a single instance.</summary>
internal interface ISharedTokenCache
{
    ValueTask<AccessToken?> GetAsync(CredentialKey key, CancellationToken cancellationToken);

    ValueTask SetAsync(CredentialKey key, AccessToken token, DateTimeOffset renewAt, CancellationToken cancellationToken);
}
