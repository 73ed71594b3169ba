using CmuContracts.AdobePass;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CmuContracts.Auth;

/// <summary>Trades client credentials for an access token. The only place that touches the generated token client.</summary>
internal interface ITokenEndpoint
{
    /// <exception cref="AccessTokenRequestException">The server refused the grant (<see cref="AccessTokenRequestException.IsInvalidClient"/> tells when to register again).</exception>
    Task<AccessToken> RequestAsync(ClientCredentials credentials, CancellationToken cancellationToken);
}

/// <summary>Over the generated Refit <see cref="ITokenClient"/>.</summary>
internal sealed class GeneratedTokenEndpoint(IServiceProvider services, IOptions<CmuClientOptions> options, TimeProvider timeProvider) : ITokenEndpoint
{
    // Adobe's current default; used only if a response omits expires_in.
    private const int DefaultLifetimeSeconds = 21600;

    public async Task<CmuContracts.Auth.AccessToken> RequestAsync(ClientCredentials credentials, CancellationToken cancellationToken)
    {
        var request = new AccessTokenRequest
        {
            GrantType = new GrantType("client_credentials"),
            ClientId = credentials.ClientId,
            ClientSecret = credentials.ClientSecret,
        };

        // Expiry is measured on our clock from before the request: never later than the server's.
        var requestedAt = timeProvider.GetUtcNow();
        CmuContracts.AdobePass.AccessTokenResponse token;
        try
        {
            var client = services.GetRequiredService<ITokenClient>();
            token = await client.CreateAccessTokenAsync(request, options.Value.DeviceInfo.ToHeaderValue(), cancellationToken).ConfigureAwait(false);
        }
        catch (CmuServiceException ex)
        {
            throw new AccessTokenRequestException(
                $"The token request for client id {credentials.ClientId} failed: HTTP {ex.StatusCode}{(ex.ErrorCode is null ? string.Empty : ", error '" + ex.ErrorCode + "'")}.",
                ex);
        }
        catch (CmuTransportException ex)
        {
            // No answer (a lost connection, a timeout): typed, so the CMU call that needed the
            // token does not mistake it for its own transport failure and send it again.
            throw new AccessTokenRequestException($"The token request for client id {credentials.ClientId} got no answer: {ex.Message}", ex);
        }

        var lifetime = TimeSpan.FromSeconds(token.ExpiresIn is int s and > 0 ? s : DefaultLifetimeSeconds);
        return new CmuContracts.Auth.AccessToken(token.AccessToken, requestedAt, requestedAt + lifetime) { ClientId = credentials.ClientId };
    }
}
