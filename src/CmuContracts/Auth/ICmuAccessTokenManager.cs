namespace CmuContracts.Auth;

/// <summary>
/// The token half of the access procedure: a valid client-credentials token, cached until it is due for renewal, with
/// one acquisition in flight that concurrent callers share, and a fleet's token shared through
/// <see cref="ISharedTokenCache"/>. Credentials come from the <see cref="ICmuClientRegistrar"/>.
/// </summary>
/// <remarks>The HTTP pipeline asks it for the token to attach, and its 401 and 403 strategies for a replacement.</remarks>
public interface ICmuAccessTokenManager
{
    /// <summary>A valid token: the cached one or a new one.</summary>
    /// <exception cref="SoftwareStatementException">The configured statement is unusable (no request is sent).</exception>
    ValueTask<AccessToken> GetAccessTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>A token other than <paramref name="rejected"/>, which the server refused with 401.</summary>
    Task<AccessToken> RenewAccessTokenAsync(AccessToken rejected, CancellationToken cancellationToken = default);

    /// <summary>
    /// A token of a newly registered client (unless another caller already registered again), because the server no
    /// longer knows the client that <paramref name="rejected"/> was issued to (403 <c>invalid_client</c>).
    /// </summary>
    Task<AccessToken> RegisterAgainAsync(AccessToken rejected, CancellationToken cancellationToken = default);
}
