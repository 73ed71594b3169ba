using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using CmuContracts.AdobePass;
using CmuContracts.Http;
using Refit;

namespace CmuContracts.Reports;

/// <summary>
/// <see cref="IUsageReports"/> over the generated <see cref="IUsageReportsClient"/>. Streamed records and
/// CSV go through the same named HttpClient (same bearer, resilience and metrics handlers), with the
/// request the generated operation builds, because the generated methods read the whole body first
/// (the <c>…AsCsvAsync</c> ones into one string).
/// </summary>
internal sealed class UsageReportsService(IUsageReportsClient client, HttpClient http) : IUsageReports
{
    private static readonly RefitSettings Settings = CmuRefitSettings.Create();

    public async Task<UsageReport> GetReportAsync(UsageReportQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var operation = UsageReportTree.Operation(query.Path);
        var report = await operation.Call(client, UsageReportWire.From(query), cancellationToken).ConfigureAwait(false);
        return ToReport(query, report);
    }

    public async IAsyncEnumerable<UsageRecord> GetRecordsAsync(UsageReportQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var response = await SendAsync(query, "application/hal+json", cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            await foreach (var record in UsageRecordStream.ReadAsync(body, cancellationToken).ConfigureAwait(false))
            {
                yield return record;
            }
        }
    }

    public async Task CopyCsvAsync(UsageReportQuery query, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(destination);
        using var response = await SendAsync(query, "text/csv", cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            await body.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the query without buffering the body; a non-success status is Refit's <see cref="ApiException"/>, as from the generated operations.</summary>
    private async Task<HttpResponseMessage> SendAsync(UsageReportQuery query, string accept, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(query, accept);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ApiException.Create(request, HttpMethod.Get, response, Settings).ConfigureAwait(false);
            }
        }

        return response;
    }

    /// <summary>The request the generated operation would send, with the options the pipeline's handlers read.</summary>
    private HttpRequestMessage CreateRequest(UsageReportQuery query, string accept)
    {
        var operation = UsageReportTree.Operation(query.Path);
        var baseAddress = http.BaseAddress ?? throw new InvalidOperationException("The CMU HttpClient has no BaseAddress.");
        var uri = new Uri(baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/') + UsageReportWire.RelativeUri(query));
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        request.Options.Set(ApiRequestOptions.OperationId, operation.OperationId);
        request.Options.Set(ApiRequestOptions.Security, ["http:bearer"]);
        return request;
    }

    private UsageReport ToReport(UsageReportQuery query, AdobePass.UsageReport report)
    {
        var basePath = http.BaseAddress?.AbsolutePath ?? "/";
        var links = report.Links;
        UsageReportLink? rollUp = links?.RollUp is { } up ? ToLink(up, basePath) : null;
        var drillDowns = links?.DrillDown switch
        {
            { LinkList: { } list } => [.. list.Where(l => l?.Href is not null).Select(l => ToLink(l, basePath))],
            { Link: { Href: not null } one } => [ToLink(one, basePath)],
            _ => Array.Empty<UsageReportLink>(),
        };
        string[] columns = [.. query.Dimensions, .. query.Filters.Where(f => f.Kind == UsageFilterKind.Projection).Select(f => f.Dimension)];
        var records = (report.Report ?? []).Select(r => UsageRecordReader.From(r, columns)).ToArray();
        return new UsageReport(query, records, links?.Self?.Href, rollUp, drillDowns, this);
    }

    private static UsageReportLink ToLink(Link link, string basePath)
    {
        var dimensions = UsageReportPaths.FromHref(link.Href, basePath);
        var name = link.Name is { Length: > 0 } n ? n : dimensions.LastOrDefault() ?? "";
        return new UsageReportLink(name, link.Href, dimensions);
    }
}
