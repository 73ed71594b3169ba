using CmuContracts.AdobePass;
using CmuContracts.Http;
using Refit;

namespace CmuContracts.Reports;

/// <summary>
/// The request the generated report operation builds for a query, rendered without being sent: a generated client
/// over a handler that answers every request with an empty success, so the request it built comes back as the
/// answer's <see cref="HttpResponseMessage.RequestMessage"/>. Used where no generated operation has the path (a link
/// the server advertised): such a request takes its query string, <c>Accept</c> and security from the generated code,
/// never from a second, hand-written copy of it.
/// </summary>
internal static class UsageReportRequestRenderer
{
    // Never contacted: the handler answers before any connection is made.
    private static readonly Uri RenderBase = new("http://render.invalid/");

    private static readonly IUsageReportsClient Renderer =
        RestService.ForGenerated<IUsageReportsClient>(new HttpClient(new AnswerWithoutSending()) { BaseAddress = RenderBase }, CmuRefitSettings.Create());

    /// <summary>The query string (<c>?start=…</c>, or empty) the generated operations send for <paramref name="query"/>.</summary>
    public static string QueryString(UsageReportQuery query, ReportFormat? format = null) => Render(query, format).RequestUri!.Query;

    /// <summary>
    /// A request for <paramref name="query"/>'s path under <paramref name="baseAddress"/>, built as the generated
    /// operations build theirs: their query string, their <c>Accept</c>, their security requirement (which the access
    /// pipeline reads to attach the token). No operation id: no operation of the spec has the path.
    /// </summary>
    public static HttpRequestMessage Create(Uri baseAddress, UsageReportQuery query, ReportFormat format)
    {
        using var rendered = Render(query, format);
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/') + query.Path + rendered.RequestUri!.Query));
        foreach (var accept in rendered.Headers.Accept)
        {
            request.Headers.Accept.Add(accept);
        }

        if (rendered.Options.TryGetValue(ApiRequestOptions.Security, out var security))
        {
            request.Options.Set(ApiRequestOptions.Security, security);
        }

        return request;
    }

    private static HttpRequestMessage Render(UsageReportQuery query, ReportFormat? format)
    {
        var root = UsageReportsOperations.GetRoot;
        var operation = format == ReportFormat.Csv ? root.Alternatives.Single(a => a.MediaType == UsageReportMediaTypes.Accept(ReportFormat.Csv)) : root;

        // Completes synchronously: the handler answers at once and nothing is read.
        using var response = operation.SendAsync(Renderer, UsageReportWire.Arguments(query, format), CancellationToken.None).GetAwaiter().GetResult();
        var request = response.RequestMessage!;
        response.RequestMessage = null; // the caller owns the request now
        return request;
    }

    private sealed class AnswerWithoutSending : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NoContent) { RequestMessage = request });
    }
}
