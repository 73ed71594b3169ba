using System.Diagnostics;
using CmuContracts.Http;

namespace CmuContracts.Auth;

/// <summary>The provider's calls out: the statement, the registration and the token request, each traced and counted.</summary>
public sealed partial class CmuAccessTokenProvider
{
    private async Task<ClientCredentials> RegisterAsync(SoftwareStatement statement, CredentialKey key)
    {
        using var activity = CmuDiagnostics.ActivitySource.StartActivity("cmu.register", ActivityKind.Internal);
        activity?.SetTag("cmu.software_id", statement.SoftwareId);
        ClientCredentials credentials;
        try
        {
            credentials = await _registration.RegisterAsync(statement, _options.Value.RedirectUri, CancellationToken.None).ConfigureAwait(false);
            CmuDiagnostics.Registrations.Add(1, new KeyValuePair<string, object?>("outcome", "success"));
        }
        catch (Exception ex)
        {
            CmuDiagnostics.Registrations.Add(1, new KeyValuePair<string, object?>("outcome", "failure"));
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }

        Log.Registered(_logger, statement.SoftwareId, key.Endpoint, credentials.ClientId);
        try
        {
            await _store.SetAsync(key, credentials, CancellationToken.None).ConfigureAwait(false);
        }
        catch (CredentialStoreException ex)
        {
            // The registration succeeded: keep working with it rather than fail and register again.
            Log.CredentialsNotSaved(_logger, ex, key);
        }

        return credentials;
    }

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

    private SoftwareStatement LoadStatement()
    {
        var options = _options.Value;
        return options.SoftwareStatementPath is { Length: > 0 } path && string.IsNullOrWhiteSpace(options.SoftwareStatement)
            ? SoftwareStatement.FromFile(path, _time)
            : SoftwareStatement.Parse(options.SoftwareStatement ?? string.Empty, _time);
    }
}
