using CmuContracts.Auth;

namespace CmuContracts.Http;

/// <summary>What the bearer handler and the authentication retry handler tell each other through the request's options.</summary>
internal static class AccessTokenRequestOptions
{
    /// <summary>The token the bearer handler attached last: what a 401 or 403 rejected.</summary>
    public static readonly HttpRequestOptionsKey<AccessToken> Sent = new("CmuContracts.AccessToken.Sent");

    /// <summary>The replacement a strategy obtained: the bearer handler attaches it instead of asking the token manager.</summary>
    public static readonly HttpRequestOptionsKey<AccessToken> Replacement = new("CmuContracts.AccessToken.Replacement");
}
