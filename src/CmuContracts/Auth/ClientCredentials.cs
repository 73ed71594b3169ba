namespace CmuContracts.Auth;

/// <summary>
/// The <c>client_id</c>/<c>client_secret</c> pair registration returns. Adobe's credentials do not
/// expire: keep them until the server rejects them. <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class ClientCredentials
{
    /// <summary>The <paramref name="clientId"/> and <paramref name="clientSecret"/> registration returned, and when they were issued.</summary>
    public ClientCredentials(string clientId, string clientSecret, DateTimeOffset? issuedAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        ClientId = clientId;
        ClientSecret = clientSecret;
        IssuedAt = issuedAt;
    }

    /// <summary>The <c>client_id</c>.</summary>
    public string ClientId { get; }

    /// <summary>The <c>client_secret</c>.</summary>
    public string ClientSecret { get; }

    /// <summary>The <c>client_id_issued_at</c> time, when the server sent it.</summary>
    public DateTimeOffset? IssuedAt { get; }

    /// <summary>The same client: same id and secret.</summary>
    public bool SameAs(ClientCredentials? other) =>
        other is not null && string.Equals(ClientId, other.ClientId, StringComparison.Ordinal)
        && string.Equals(ClientSecret, other.ClientSecret, StringComparison.Ordinal);

    /// <summary>Shows the client id only.</summary>
    public override string ToString() => $"ClientCredentials(client id {ClientId})";
}
