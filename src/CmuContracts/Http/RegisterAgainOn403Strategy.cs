using System.Net;
using CmuContracts.Auth;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Http;

/// <summary>
/// 403 <c>invalid_client</c>: the server no longer knows the client the token was issued to; register again and send
/// once more. Any other 403 (no access to the data) is the caller's answer, untouched.
/// </summary>
internal sealed class RegisterAgainOn403Strategy : AuthenticationRetryStrategy
{
    public static readonly RegisterAgainOn403Strategy Instance = new();

    public override string Name => "register-again-on-403";

    public override async ValueTask<bool> HandlesAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.Forbidden)
        {
            return false;
        }

        if (response.Headers.WwwAuthenticate.Any(h => h.Parameter?.Contains("invalid_client", StringComparison.Ordinal) == true))
        {
            return true;
        }

        // Buffered so the caller can still read the body when it is not invalid_client.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Contains("\"invalid_client\"", StringComparison.Ordinal) || body.Trim() == "invalid_client";
    }

    public override Task<AccessToken> ReplaceAsync(ICmuAccessTokenManager tokens, AccessToken rejected, CancellationToken cancellationToken) =>
        tokens.RegisterAgainAsync(rejected, cancellationToken);

    public override void LogRetrying(ILogger logger, string? operationId) => Log.InvalidClientOnCmu(logger, operationId);

    public override CmuAuthenticationException RefusedAgain(ILogger logger, string? operationId) =>
        new($"CMU refused {operationId ?? "the request"} with 403 invalid_client even after registering again.", 403, operationId);
}
