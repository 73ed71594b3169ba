namespace CmuContracts.Auth;

/// <summary>
/// The current access token, shared by the instances that use one registration (a credential file's processes, a
/// fleet's Redis); absent for a single instance. Failures are <see cref="CredentialStoreException"/>s or
/// <see cref="CmuException"/>s: a token that cannot be shared is still good in memory.
/// </summary>
public interface ISharedTokenCache
{
    /// <summary>The shared token for <paramref name="key"/>, or null when there is none (or it cannot be read back).</summary>
    ValueTask<AccessToken?> GetAsync(CredentialKey key, CancellationToken cancellationToken = default);

    /// <summary>Shares <paramref name="token"/> for <paramref name="key"/> until <paramref name="renewAt"/>.</summary>
    ValueTask SetAsync(CredentialKey key, AccessToken token, DateTimeOffset renewAt, CancellationToken cancellationToken = default);
}
