using System.Diagnostics;
using CmuContracts.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CmuContracts.Auth;

/// <summary>
/// Registers once and reuses: credentials come from the store, and a registration (traced and counted) happens only
/// when they are missing, due to expire or rejected. A store that cannot keep new credentials is logged, not fatal:
/// the registration succeeded, and registering again would only make another client.
/// </summary>
internal sealed class CmuClientRegistrar(
    IOptions<CmuClientOptions> options,
    ICredentialStore store,
    IClientRegistrationEndpoint registration,
    TimeProvider timeProvider,
    ILogger<CmuClientRegistrar> logger) : ICmuClientRegistrar
{
    private SoftwareStatement? _statement;

    public CredentialKey GetCredentialKey() => CredentialKey.For(Statement.SoftwareId, options.Value.EffectiveRegistrationBaseAddress);

    public async Task<ClientCredentials> GetCredentialsAsync(string? rejectedClientId = null, CancellationToken cancellationToken = default)
    {
        var statement = Statement;
        var key = GetCredentialKey();
        var credentials = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (credentials is null)
        {
            return await RegisterAsync(statement, key, cancellationToken).ConfigureAwait(false);
        }

        if (rejectedClientId is not null && credentials.ClientId == rejectedClientId)
        {
            Log.RegisteringAgain(logger, credentials.ClientId, "403 invalid_client from CMU", statement.SoftwareId);
            return await RegisterAsync(statement, key, cancellationToken).ConfigureAwait(false);
        }

        if (credentials.RenewAt(options.Value.TokenRefreshBuffer) is { } due && timeProvider.GetUtcNow() >= due)
        {
            // A server that sends client_secret_expires_at (Adobe documents none): renew shortly before it passes.
            Log.CredentialsExpiring(logger, credentials.ClientId, credentials.ExpiresAt!.Value, statement.SoftwareId);
            return await RegisterAsync(statement, key, cancellationToken).ConfigureAwait(false);
        }

        return credentials;
    }

    public async Task<ClientCredentials> ReplaceAsync(ClientCredentials rejected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var statement = Statement;
        var key = GetCredentialKey();

        // Another instance may have registered already; else register once.
        var stored = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (stored is not null && !stored.SameAs(rejected))
        {
            Log.SharedCredentialsUsed(logger, key, stored.ClientId);
            return stored;
        }

        Log.RegisteringAgain(logger, rejected.ClientId, "invalid_client from the token endpoint", statement.SoftwareId);
        return await RegisterAsync(statement, key, cancellationToken).ConfigureAwait(false);
    }

    private SoftwareStatement Statement => _statement ??= Load();

    private SoftwareStatement Load()
    {
        var value = options.Value;
        return value.SoftwareStatementPath is { Length: > 0 } path && string.IsNullOrWhiteSpace(value.SoftwareStatement)
            ? SoftwareStatement.FromFile(path, timeProvider)
            : SoftwareStatement.Parse(value.SoftwareStatement ?? string.Empty, timeProvider);
    }

    private async Task<ClientCredentials> RegisterAsync(SoftwareStatement statement, CredentialKey key, CancellationToken cancellationToken)
    {
        using var activity = CmuDiagnostics.ActivitySource.StartActivity("cmu.register", ActivityKind.Internal);
        activity?.SetTag("cmu.software_id", statement.SoftwareId);
        ClientCredentials credentials;
        try
        {
            credentials = await registration.RegisterAsync(statement, options.Value.RedirectUri, cancellationToken).ConfigureAwait(false);
            CmuDiagnostics.Registrations.Add(1, new KeyValuePair<string, object?>("outcome", "success"));
        }
        catch (Exception ex)
        {
            CmuDiagnostics.Registrations.Add(1, new KeyValuePair<string, object?>("outcome", "failure"));
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }

        Log.Registered(logger, statement.SoftwareId, key.Endpoint, credentials.ClientId);
        try
        {
            await store.SetAsync(key, credentials, cancellationToken).ConfigureAwait(false);
        }
        catch (CredentialStoreException ex)
        {
            // The registration succeeded: keep working with it rather than fail and register again.
            Log.CredentialsNotSaved(logger, ex, key);
        }

        return credentials;
    }
}
