using System.Net;
using System.Net.Http.Headers;

namespace CmuContracts.ClientBenchmarks;

/// <summary>
/// The in-memory end of every benchmarked client: a new 200 response over the same canned report bytes for each
/// GET; registration and token POSTs (only the access pipeline's first call sends them) get fixed JSON.
/// </summary>
internal sealed class CannedResponseHandler(byte[] report) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue ReportType = MediaTypeHeaderValue.Parse(CannedReport.ContentType);

    private static readonly byte[] Registration = """{"client_id":"bench-client","client_secret":"bench-secret","client_id_issued_at":1790000000,"grant_types":["client_credentials"]}"""u8.ToArray();

    // A day-long lifetime keeps the token warm for a whole benchmark process.
    private static readonly byte[] Token = """{"access_token":"bench-access-token","token_type":"bearer","expires_in":86400,"created_at":1790000000000}"""u8.ToArray();

    /// <summary>The last GET, checked once in each benchmark's setup (URI and headers stay readable after disposal).</summary>
    public HttpRequestMessage? LastReport { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post)
        {
            var path = request.RequestUri!.AbsolutePath;
            var body = path.EndsWith("/register", StringComparison.Ordinal) ? Registration
                : path.EndsWith("/token", StringComparison.Ordinal) ? Token
                : throw new InvalidOperationException($"No canned answer for POST {path}.");
            return Task.FromResult(Respond(request, path.EndsWith("/register", StringComparison.Ordinal) ? HttpStatusCode.Created : HttpStatusCode.OK, body, MediaTypeHeaderValue.Parse("application/json")));
        }

        LastReport = request;
        return Task.FromResult(Respond(request, HttpStatusCode.OK, report, ReportType));
    }

    private static HttpResponseMessage Respond(HttpRequestMessage request, HttpStatusCode status, byte[] body, MediaTypeHeaderValue type)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = type;
        return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
    }
}
