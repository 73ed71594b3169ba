using System.Net;
using System.Net.Http.Headers;
using ApiRequestOptions = CmuContracts.AdobePass.ApiRequestOptions;
using CmuContracts.Auth;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Http;

/// <summary>
/// Adds <c>Authorization: Bearer</c> to operations whose spec security asks for it (read from the
/// request options every generated call sets). A 401 renews the token and re-sends once; a 403
/// <c>invalid_client</c> registers again and re-sends once; a second refusal is a
/// <see cref="CmuAuthenticationException"/>, never a loop.
/// </summary>
internal sealed class BearerTokenHandler(CmuAccessTokenProvider tokens, ILogger<BearerTokenHandler> logger) : DelegatingHandler
{
    private const string BearerScheme = "http:bearer";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!RequiresBearer(request))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        request.Options.TryGetValue(ApiRequestOptions.OperationId, out var operationId);
        var token = await tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        var response = await SendWithAsync(request, token, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            if (!IsReplayable(request.Content))
            {
                Log.NotReplayable(logger, operationId);
                return response;
            }

            // Dispose first: an undisposed 401 holds its connection while the renewal runs.
            response.Dispose();
            Log.RenewingAfter401(logger, operationId);
            token = await tokens.RenewAccessTokenAsync(token, cancellationToken).ConfigureAwait(false);
            response = await SendWithAsync(request, token, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                response.Dispose();
                Log.Persistent401(logger, operationId);
                throw new CmuAuthenticationException(
                    $"CMU refused {operationId ?? "the request"} with 401 twice, the second time with a freshly renewed access token: check the client's CMU access.",
                    401,
                    operationId);
            }
        }

        if (response.StatusCode == HttpStatusCode.Forbidden && IsReplayable(request.Content)
            && await IsInvalidClientAsync(response, cancellationToken).ConfigureAwait(false))
        {
            response.Dispose();
            Log.InvalidClientOnCmu(logger, operationId);
            token = await tokens.RegisterAgainAsync(token, cancellationToken).ConfigureAwait(false);
            response = await SendWithAsync(request, token, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Forbidden && await IsInvalidClientAsync(response, cancellationToken).ConfigureAwait(false))
            {
                response.Dispose();
                throw new CmuAuthenticationException(
                    $"CMU refused {operationId ?? "the request"} with 403 invalid_client even after registering again.",
                    403,
                    operationId);
            }
        }

        return response;
    }

    internal static bool RequiresBearer(HttpRequestMessage request)
    {
        if (!request.Options.TryGetValue(ApiRequestOptions.Security, out var alternatives) || alternatives.Length == 0)
        {
            return false;
        }

        foreach (var alternative in alternatives)
        {
            foreach (var scheme in alternative.Split('+'))
            {
                if (string.Equals(scheme, BearerScheme, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private Task<HttpResponseMessage> SendWithAsync(HttpRequestMessage request, AccessToken token, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        return base.SendAsync(request, cancellationToken);
    }

    // Buffered content can be sent twice; a stream may already be consumed.
    private static bool IsReplayable(HttpContent? content) => content is null or ByteArrayContent;

    private static async Task<bool> IsInvalidClientAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Headers.WwwAuthenticate.Any(h => h.Parameter?.Contains("invalid_client", StringComparison.Ordinal) == true))
        {
            return true;
        }

        // Buffered so the caller can still read the body when it is not invalid_client.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Contains("\"invalid_client\"", StringComparison.Ordinal) || body.Trim() == "invalid_client";
    }
}
