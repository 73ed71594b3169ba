using CmuContracts.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CmuContracts.Auth;

/// <summary>
/// The token manager (<see cref="ICmuAccessTokenManager"/>): a client-credentials token cached until expiry minus the
/// buffer, and shared beside the credentials when the store keeps tokens or through a fleet's cache. One acquisition
/// is in flight at a time and callers share it; failures are never cached. Credentials come from the
/// <see cref="ICmuClientRegistrar"/>, which registers again only when the server rejects them or they are about to expire.
/// </summary>
/// <remarks>
/// Faults cost as little as they can: a renewal that fails while the cached token is still valid serves that token
/// (renewal is tried again after a quarter of its remaining life, 1 to 30 s) and callers fail only once no valid
/// token exists; callers that waited on an acquisition whose registration or token POST got no answer try once more
/// with an acquisition of their own (the lost POST itself is never sent again).
/// </remarks>
public sealed partial class CmuAccessTokenProvider : ICmuAccessTokenManager
{
    private static readonly TimeSpan MinRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);
    private readonly IOptions<CmuClientOptions> _options;
    private readonly ICmuClientRegistrar _registrar;
    private readonly ITokenEndpoint _tokens;
    private readonly IAccessLock _lock;
    private readonly ISharedTokenCache? _shared;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Cached? _current;
    private Task<AccessToken>? _inflight;
    private DateTimeOffset _retryAt;
    private string? _refused;

    internal CmuAccessTokenProvider(
        IOptions<CmuClientOptions> options,
        ICmuClientRegistrar registrar,
        ITokenEndpoint tokens,
        IAccessLock accessLock,
        ISharedTokenCache? shared,
        TimeProvider timeProvider,
        ILogger<CmuAccessTokenProvider> logger)
    {
        _options = options;
        _registrar = registrar;
        _tokens = tokens;
        _lock = accessLock;
        _shared = shared;
        _time = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc/>
    /// <remarks>The cached token costs no allocation.</remarks>
    public ValueTask<AccessToken> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        var cached = _current;
        if (cached is not null && _time.GetUtcNow() < cached.RenewAt)
        {
            return new ValueTask<AccessToken>(cached.Token);
        }

        return new ValueTask<AccessToken>(AcquireAsync(rejected: null, registerAgain: false, cancellationToken));
    }

    /// <inheritdoc/>
    public Task<AccessToken> RenewAccessTokenAsync(AccessToken rejected, CancellationToken cancellationToken = default) =>
        AcquireAsync(rejected ?? throw new ArgumentNullException(nameof(rejected)), registerAgain: false, cancellationToken);

    /// <inheritdoc/>
    public Task<AccessToken> RegisterAgainAsync(AccessToken rejected, CancellationToken cancellationToken = default) =>
        AcquireAsync(rejected ?? throw new ArgumentNullException(nameof(rejected)), registerAgain: true, cancellationToken);

    private async Task<AccessToken> AcquireAsync(AccessToken? rejected, bool registerAgain, CancellationToken cancellationToken)
    {
        for (var retried = false; ; retried = true)
        {
            Task<AccessToken> flight;
            bool joined;
            lock (_gate)
            {
                var cached = _current;
                if (cached is not null && !ReferenceEquals(cached.Token, rejected) && _time.GetUtcNow() < cached.RenewAt
                    && !(registerAgain && cached.Token.ClientId == rejected?.ClientId))
                {
                    return cached.Token;
                }

                // A token the server refused is not served again, even as a fallback or from the shared store.
                if (rejected is not null)
                {
                    _refused = rejected.Value;
                    if (cached is not null && (ReferenceEquals(cached.Token, rejected) || (registerAgain && cached.Token.ClientId == rejected.ClientId)))
                    {
                        _current = null;
                    }
                }

                // Renewal failed a moment ago: the still valid token serves until the next attempt is due.
                if (_inflight is null && Fallback() is { } kept && _time.GetUtcNow() < _retryAt)
                {
                    return kept;
                }

                // Shared work runs without any one caller's token: a caller that gives up must not fail the others.
                joined = _inflight is not null;
                flight = _inflight ??= RunAsync(rejected, registerAgain);
            }

            try
            {
                return await flight.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                if (Fallback() is { } kept)
                {
                    return kept; // RunAsync logged and counted the failure once for all its callers.
                }

                // The caller whose acquisition lost its POST gets the error (it is not sent again); the ones that only
                // waited on it try once with an acquisition of their own.
                if (joined && !retried && LostPost(ex) is { } endpoint)
                {
                    Log.RetryingLostAcquisition(_logger, ex, endpoint);
                    continue;
                }

                throw;
            }
        }
    }

    /// <summary>The cached token while it is still valid (past its renewal time perhaps, not past its expiry).</summary>
    private AccessToken? Fallback() => _current is { } cached && _time.GetUtcNow() < cached.Token.ExpiresAt ? cached.Token : null;

    /// <summary>The endpoint of a registration or token POST that got no answer (it may have been processed), else null.</summary>
    private static string? LostPost(Exception ex) => ex switch
    {
        ClientRegistrationException { StatusCode: null, InnerException: not null } => "client/register",
        AccessTokenRequestException { StatusCode: null, InnerException: not null } => "client/token",
        _ => null,
    };

    private async Task<AccessToken> RunAsync(AccessToken? rejected, bool registerAgain)
    {
        await Task.Yield(); // The caller stores the task under the gate before this continues.
        try
        {
            var key = _registrar.GetCredentialKey();

            // Double-checked: a fleet's token is taken without the lock, and checked again under it (below).
            var token = await TrySharedAsync(key, rejected, registerAgain).ConfigureAwait(false);
            if (token is null)
            {
                await using (await _lock.AcquireAsync(key.ToString(), CancellationToken.None).ConfigureAwait(false))
                {
                    token = await AcquireLockedAsync(key, rejected, registerAgain).ConfigureAwait(false);
                }
            }

            _current = new Cached(token, token.RenewAt(_options.Value.TokenRefreshBuffer));
            return token;
        }
        catch (Exception ex) when (Fallback() is { } kept)
        {
            // Redis or the token endpoint down in a token's last minutes: the token is still good, so it keeps serving.
            var now = _time.GetUtcNow();
            var retryAt = now + RetryDelay(kept.ExpiresAt - now);
            lock (_gate)
            {
                _retryAt = retryAt;
            }

            CmuDiagnostics.TokenRenewalFailures.Add(1, new KeyValuePair<string, object?>("error.type", ex.GetType().Name));
            Log.RenewalFailedTokenKept(_logger, ex, kept.ClientId, ex.GetType().Name, kept.ExpiresAt, retryAt);
            throw;
        }
        finally
        {
            lock (_gate)
            {
                _inflight = null;
            }
        }
    }

    /// <summary>A quarter of the time the kept token has left, between 1 s and 30 s: several attempts before it expires, none in a loop.</summary>
    private static TimeSpan RetryDelay(TimeSpan left)
    {
        var quarter = left / 4;
        return quarter < MinRetryDelay ? MinRetryDelay : quarter > MaxRetryDelay ? MaxRetryDelay : quarter;
    }

    private async Task<AccessToken> AcquireLockedAsync(CredentialKey key, AccessToken? rejected, bool registerAgain)
    {
        var ct = CancellationToken.None;
        var buffer = _options.Value.TokenRefreshBuffer;
        if (await TrySharedAsync(key, rejected, registerAgain).ConfigureAwait(false) is { } shared)
        {
            return shared; // What the lock's previous holder obtained.
        }

        var credentials = await _registrar.GetCredentialsAsync(registerAgain ? rejected?.ClientId : null, ct).ConfigureAwait(false);
        AccessToken token;
        try
        {
            token = await RequestTokenAsync(credentials).ConfigureAwait(false);
        }
        catch (AccessTokenRequestException ex) when (ex.IsInvalidClient)
        {
            credentials = await _registrar.ReplaceAsync(credentials, ct).ConfigureAwait(false);
            token = await RequestTokenAsync(credentials).ConfigureAwait(false);
        }

        // A token already due for renewal is not worth sharing (and a cache refuses a past expiry).
        if (_shared is not null && token.RenewAt(buffer) is var renewAt && renewAt > _time.GetUtcNow())
        {
            try
            {
                await _shared.SetAsync(key, token, renewAt, ct).ConfigureAwait(false);
            }
            catch (CredentialStoreException ex)
            {
                // The token is good: use it from memory rather than fail the call.
                Log.TokenNotSaved(_logger, ex, key);
            }
        }

        return token;
    }

    /// <summary>The fleet's current token, unless it is the rejected one, due for renewal, or of a client to replace.</summary>
    private async ValueTask<AccessToken?> TrySharedAsync(CredentialKey key, AccessToken? rejected, bool registerAgain)
    {
        if (_shared is null
            || await _shared.GetAsync(key, CancellationToken.None).ConfigureAwait(false) is not { } shared
            || shared.Value == rejected?.Value
            || shared.Value == Volatile.Read(ref _refused)
            || _time.GetUtcNow() >= shared.RenewAt(_options.Value.TokenRefreshBuffer)
            || (registerAgain && shared.ClientId == rejected?.ClientId))
        {
            return null;
        }

        Log.SharedTokenUsed(_logger, shared.ClientId);
        return shared;
    }

    private sealed class Cached(AccessToken token, DateTimeOffset renewAt)
    {
        public AccessToken Token { get; } = token;

        public DateTimeOffset RenewAt { get; } = renewAt;
    }
}
