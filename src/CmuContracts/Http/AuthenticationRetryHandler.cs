using ApiRequestOptions = CmuContracts.AdobePass.ApiRequestOptions;
using CmuContracts.Auth;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Http;

/// <summary>
/// Outside the bearer handler (and so outside the retries): a response that one of the strategies handles
/// (<see cref="RenewOn401Strategy"/>, then <see cref="RegisterAgainOn403Strategy"/>) is disposed, a replacement token is
/// obtained, and the call is sent once more through the bearer handler and the retries; the same refusal again is a
/// <see cref="CmuAuthenticationException"/>, never a loop. Only calls that carried a bearer token, and only replayable
/// content, are sent again.
/// </summary>
internal sealed class AuthenticationRetryHandler(ICmuAccessTokenManager tokens, ILogger<AuthenticationRetryHandler> logger) : DelegatingHandler
{
    private static readonly AuthenticationRetryStrategy[] Strategies = [RenewOn401Strategy.Instance, RegisterAgainOn403Strategy.Instance];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        foreach (var strategy in Strategies)
        {
            if (!request.Options.TryGetValue(AccessTokenRequestOptions.Sent, out var rejected)
                || !await strategy.HandlesAsync(response, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            request.Options.TryGetValue(ApiRequestOptions.OperationId, out var operationId);
            if (!IsReplayable(request.Content))
            {
                Log.NotReplayable(logger, operationId);
                return response;
            }

            // Dispose first: an undisposed refusal holds its connection while the replacement is obtained.
            response.Dispose();
            strategy.LogRetrying(logger, operationId);
            var replacement = await strategy.ReplaceAsync(tokens, rejected, cancellationToken).ConfigureAwait(false);
            request.Options.Set(AccessTokenRequestOptions.Replacement, replacement);
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (await strategy.HandlesAsync(response, cancellationToken).ConfigureAwait(false))
            {
                response.Dispose();
                throw strategy.RefusedAgain(logger, operationId);
            }
        }

        return response;
    }

    // Buffered content can be sent twice; a stream may already be consumed.
    private static bool IsReplayable(HttpContent? content) => content is null or ByteArrayContent;
}
