namespace CmuContracts.Auth;

/// <summary>A bearer access token and its expiry. <see cref="ToString"/> never shows the token.</summary>
public sealed class AccessToken
{
    /// <summary>A token <paramref name="value"/> valid from <paramref name="issuedAt"/> until <paramref name="expiresAt"/>.</summary>
    public AccessToken(string value, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (expiresAt < issuedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAt), "The expiry is before the issue time.");
        }

        Value = value;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>The token, sent as <c>Authorization: Bearer</c>.</summary>
    public string Value { get; }

    /// <summary>When it was obtained (local clock).</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>When it expires (local clock at issue + <c>expires_in</c>).</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The lifetime granted.</summary>
    public TimeSpan Lifetime => ExpiresAt - IssuedAt;

    /// <summary>The client the token was issued to, so a rejection can be matched to its credentials.</summary>
    internal string? ClientId { get; init; }

    /// <summary>When the credentials it was issued with are due for renewal, if they expire before the token is due.</summary>
    internal DateTimeOffset? CredentialsRenewAt { get; init; }

    /// <summary>
    /// When to stop using it: expiry minus the buffer, never before half its lifetime; earlier when its
    /// credentials are due for renewal first (so they are renewed before they expire, not after).
    /// </summary>
    internal DateTimeOffset RenewAt(TimeSpan buffer)
    {
        var half = TimeSpan.FromTicks(Lifetime.Ticks / 2);
        var renewAt = ExpiresAt - (buffer < half ? buffer : half);
        return CredentialsRenewAt is { } due && due < renewAt ? due : renewAt;
    }

    /// <summary>Shows the expiry only.</summary>
    public override string ToString() => $"AccessToken(expires {ExpiresAt:u})";
}
