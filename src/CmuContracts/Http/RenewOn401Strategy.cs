using System.Net;
using CmuContracts.Auth;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Http;

/// <summary>401: the token was refused (expired early, revoked); renew it and send once more.</summary>
internal sealed class RenewOn401Strategy : AuthenticationRetryStrategy
{
    public static readonly RenewOn401Strategy Instance = new();

    public override string Name => "renew-on-401";

    public override ValueTask<bool> HandlesAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        new(response.StatusCode == HttpStatusCode.Unauthorized);

    public override Task<AccessToken> ReplaceAsync(ICmuAccessTokenManager tokens, AccessToken rejected, CancellationToken cancellationToken) =>
        tokens.RenewAccessTokenAsync(rejected, cancellationToken);

    public override void LogRetrying(ILogger logger, string? operationId) => Log.RenewingAfter401(logger, operationId);

    public override CmuAuthenticationException RefusedAgain(ILogger logger, string? operationId)
    {
        Log.Persistent401(logger, operationId);
        return new CmuAuthenticationException(
            $"CMU refused {operationId ?? "the request"} with 401 twice, the second time with a freshly renewed access token: check the client's CMU access.",
            401,
            operationId);
    }
}
