using System.Diagnostics;
using CmuContracts.Http;

namespace CmuContracts.Auth;

/// <summary>The token manager's call out: the token request, traced and counted.</summary>
public sealed partial class CmuAccessTokenProvider
{
    private async Task<AccessToken> RequestTokenAsync(ClientCredentials credentials)
    {
        using var activity = CmuDiagnostics.ActivitySource.StartActivity("cmu.token", ActivityKind.Internal);
        activity?.SetTag("cmu.client_id", credentials.ClientId);
        try
        {
            var token = await _tokens.RequestAsync(credentials, CancellationToken.None).ConfigureAwait(false);
            CmuDiagnostics.TokenRequests.Add(1, new KeyValuePair<string, object?>("outcome", "success"));
            Log.TokenAcquired(_logger, credentials.ClientId, token.ExpiresAt);

            // The token is given up when its credentials are due, so they are renewed before they expire. Not when
            // that is already past (credentials issued about to expire): that would register again on every call.
            return credentials.RenewAt(_options.Value.TokenRefreshBuffer) is { } due && due > _time.GetUtcNow()
                ? new AccessToken(token.Value, token.IssuedAt, token.ExpiresAt) { ClientId = token.ClientId, CredentialsRenewAt = due }
                : token;
        }
        catch (Exception ex)
        {
            CmuDiagnostics.TokenRequests.Add(1, new KeyValuePair<string, object?>("outcome", "failure"));
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }
}
