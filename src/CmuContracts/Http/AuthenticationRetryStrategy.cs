using CmuContracts.Auth;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Http;

/// <summary>
/// One named answer to an authentication refusal: which response it handles, how it gets a replacement token, and the
/// failure when the replacement is refused the same way (never a second retry). <see cref="AuthenticationRetryHandler"/>
/// runs them in order, each at most once per call.
/// </summary>
internal abstract class AuthenticationRetryStrategy
{
    /// <summary>The strategy's name, in logs and exceptions.</summary>
    public abstract string Name { get; }

    /// <summary>Whether <paramref name="response"/> is the refusal this strategy answers (it may buffer the body to read it).</summary>
    public abstract ValueTask<bool> HandlesAsync(HttpResponseMessage response, CancellationToken cancellationToken);

    /// <summary>A token to send instead of <paramref name="rejected"/>.</summary>
    public abstract Task<AccessToken> ReplaceAsync(ICmuAccessTokenManager tokens, AccessToken rejected, CancellationToken cancellationToken);

    /// <summary>Logs that the call is sent once more with a replacement.</summary>
    public abstract void LogRetrying(ILogger logger, string? operationId);

    /// <summary>The failure of a call whose replacement was refused the same way.</summary>
    public abstract CmuAuthenticationException RefusedAgain(ILogger logger, string? operationId);
}
