using CmuContracts.AdobePass;

namespace CmuContracts.Tests.TokenLayer;

/// <summary>Requests as the generated clients mark them: an operation id, and the spec's security alternatives.</summary>
internal static class TokenLayerRequests
{
    public const string OperationId = "getTenant";

    public static HttpRequestMessage Secured(HttpContent? content = null) => Create(["http:bearer"], content);

    public static HttpRequestMessage Unsecured() => Create([], null);

    private static HttpRequestMessage Create(string[] security, HttpContent? content)
    {
        var request = new HttpRequestMessage(content is null ? HttpMethod.Get : HttpMethod.Post, "http://127.0.0.1:1/cmu/v2/tenant") { Content = content };
        request.Options.Set(ApiRequestOptions.OperationId, OperationId);
        request.Options.Set(ApiRequestOptions.Security, security);
        return request;
    }
}
