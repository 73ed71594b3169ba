namespace CmuContracts.Auth;

/// <summary>
/// The registration half of the access procedure: the software statement to client credentials (RFC 7591 dynamic
/// client registration), persisted in the <see cref="ICredentialStore"/>, and registered again only when the
/// credentials are missing, about to expire or rejected. The token manager calls it under the access lock.
/// </summary>
public interface ICmuClientRegistrar
{
    /// <summary>The key the credentials are kept under: the statement's software id at the registration endpoint.</summary>
    /// <exception cref="SoftwareStatementException">The configured statement is unusable (no request is sent).</exception>
    CredentialKey GetCredentialKey();

    /// <summary>
    /// The stored credentials, or new ones (registered and stored) when none are stored, when they are due to expire,
    /// or when they are those of <paramref name="rejectedClientId"/>, a client the server no longer knows.
    /// </summary>
    Task<ClientCredentials> GetCredentialsAsync(string? rejectedClientId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The token endpoint answered <c>invalid_client</c> for <paramref name="rejected"/>: the credentials another
    /// instance registered meanwhile if the store has them, else new ones (registered and stored).
    /// </summary>
    Task<ClientCredentials> ReplaceAsync(ClientCredentials rejected, CancellationToken cancellationToken = default);
}
