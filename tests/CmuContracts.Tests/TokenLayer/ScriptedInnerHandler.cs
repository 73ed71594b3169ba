using System.Net;

namespace CmuContracts.Tests.TokenLayer;

/// <summary>The innermost handler of a unit test's chain: answers each send with the next scripted response, recording what was sent.</summary>
internal sealed class ScriptedInnerHandler(params Func<HttpResponseMessage>[] responses) : HttpMessageHandler
{
    private int _sends;

    /// <summary>The Authorization header of each send (null when there was none).</summary>
    public List<string?> Authorizations { get; } = [];

    /// <summary>Every response handed out, to check which were disposed.</summary>
    public List<TrackedResponse> Responses { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Authorizations.Add(request.Headers.Authorization?.ToString());
        var script = responses[Math.Min(_sends++, responses.Length - 1)]();
        var response = new TrackedResponse(script.StatusCode) { Content = script.Content, RequestMessage = request };
        foreach (var header in script.Headers)
        {
            response.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        Responses.Add(response);
        return Task.FromResult<HttpResponseMessage>(response);
    }

    public static Func<HttpResponseMessage> Status(HttpStatusCode status, string body = "") =>
        () => new HttpResponseMessage(status) { Content = new StringContent(body) };

    /// <summary>A response that knows whether it was disposed.</summary>
    internal sealed class TrackedResponse(HttpStatusCode status) : HttpResponseMessage(status)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
