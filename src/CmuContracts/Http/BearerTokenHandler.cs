using System.Net.Http.Headers;
using ApiRequestOptions = CmuContracts.AdobePass.ApiRequestOptions;
using CmuContracts.Auth;

namespace CmuContracts.Http;

/// <summary>
/// Adds <c>Authorization: Bearer</c> to operations whose spec security asks for it (read from the request options
/// every generated call sets), and only that: the token is the token manager's, or the replacement an
/// <see cref="AuthenticationRetryHandler"/> strategy obtained. It records the token it sent, for those strategies.
/// </summary>
internal sealed class BearerTokenHandler(ICmuAccessTokenManager tokens) : DelegatingHandler
{
    private const string BearerScheme = "http:bearer";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!RequiresBearer(request))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = request.Options.TryGetValue(AccessTokenRequestOptions.Replacement, out var replacement)
            ? replacement
            : await tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Options.Set(AccessTokenRequestOptions.Sent, token);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
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
}
