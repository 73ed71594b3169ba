using CmuContracts.AdobePass;

namespace CmuContracts.Auth;

/// <summary>
/// The <c>client_id</c>/<c>client_secret</c> pair registration returns. Adobe's credentials do not
/// expire: keep them until the server rejects them, or until the <see cref="ExpiresAt"/> a server that
/// sends RFC 7591's <c>client_secret_expires_at</c> gave. <see cref="ToString"/> never shows the secret.
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

    /// <summary>
    /// The credentials a registration answer carries. <c>client_id_issued_at</c> is read as seconds or milliseconds by
    /// magnitude (Adobe's documentation and its real answers differ: below 10^11 it is seconds); RFC 7591's
    /// <c>client_secret_expires_at</c>, when sent and not 0 ("never"), becomes <see cref="ExpiresAt"/>.
    /// </summary>
    public static ClientCredentials FromRegistration(ClientRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return new ClientCredentials(
            registration.ClientId,
            registration.ClientSecret,
            registration.ClientIdIssuedAt is { } issued ? RegistrationTime.FromEpoch(issued) : null)
        {
            ExpiresAt = registration.ClientSecretExpiresAt is { } expires ? RegistrationTime.FromEpoch(expires) : null,
        };
    }

    /// <summary>The <c>client_id</c>.</summary>
    public string ClientId { get; }

    /// <summary>The <c>client_secret</c>.</summary>
    public string ClientSecret { get; }

    /// <summary>The <c>client_id_issued_at</c> time, when the server sent it.</summary>
    public DateTimeOffset? IssuedAt { get; }

    /// <summary>When the secret expires (<c>client_secret_expires_at</c>); null when it never does, as with Adobe.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>
    /// When to register again: <paramref name="buffer"/> before <see cref="ExpiresAt"/>, never before half the
    /// lifetime (so a short-lived secret is not renewed on every call); null when the secret never expires.
    /// </summary>
    internal DateTimeOffset? RenewAt(TimeSpan buffer)
    {
        if (ExpiresAt is not { } expires)
        {
            return null;
        }

        if (IssuedAt is { } issued && expires > issued && TimeSpan.FromTicks((expires - issued).Ticks / 2) is var half && half < buffer)
        {
            buffer = half;
        }

        return expires - buffer;
    }

    /// <summary>The same client: same id and secret.</summary>
    public bool SameAs(ClientCredentials? other) =>
        other is not null && string.Equals(ClientId, other.ClientId, StringComparison.Ordinal)
        && string.Equals(ClientSecret, other.ClientSecret, StringComparison.Ordinal);

    /// <summary>Shows the client id only.</summary>
    public override string ToString() => $"ClientCredentials(client id {ClientId})";
}
