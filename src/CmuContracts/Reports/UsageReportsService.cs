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
/// (the <c>…AsCsvAsync</c> ones into one string). A report cut at the server's limit is completed in time
/// windows by <see cref="UsageReportWindows"/>.
/// </summary>
internal sealed class UsageReportsService(IUsageReportsClient client, HttpClient http) : IUsageReports
{
    private static readonly RefitSettings Settings = CmuRefitSettings.Create();

    private string BasePath => http.BaseAddress?.AbsolutePath ?? "/";

    public async Task<UsageReport> GetReportAsync(UsageReportQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var operation = UsageReportTree.Operation(query.Path);
        var report = await operation.Call(client, UsageReportWire.From(query), cancellationToken).ConfigureAwait(false);
        UsageReportCoverage? coverage = null;
        var windows = new List<IReadOnlyList<UsageRecord>>();
        await foreach (var answer in UsageReportWindows.CompleteAsync(query, ToAnswer(query, report), FetchReportAsync, c => coverage = c, cancellationToken).ConfigureAwait(false))
        {
            windows.Add(answer.Rows);
        }

        var records = windows.Count == 1 ? windows[0] : new UsageRecordOrder(Columns(query)).Merge(windows);
        return ToReport(query, report, records, coverage);
    }

    public UsageRecords GetRecordsAsync(UsageReportQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new UsageRecords((completed, token) => StreamRecordsAsync(query, completed, token), cancellationToken);
    }

    public async Task<UsageReportCoverage> CopyCsvAsync(UsageReportQuery query, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(destination);

        // CSV has no links: the limit is sent, and a window the query leaves to the server is learnt first from a
        // one-row JSON answer's self link and then sent, so that the CSV covers exactly what the coverage says.
        var csvQuery = query.WithLimit(query.Limit ?? UsageReportQuery.ObservedDefaultLimit);
        if (query.Start is null || query.End is null)
        {
            var probe = await UsageReportTree.Operation(query.Path).Call(client, UsageReportWire.From(query.WithLimit(1)), cancellationToken).ConfigureAwait(false);
            if (UsageReportApplied.FromSelfLink(probe.Links?.Self?.Href, BasePath) is { Start: { } start, End: { } end } && start <= end)
            {
                csvQuery = csvQuery.Between(start, end);
            }
        }

        var limit = csvQuery.Limit!.Value;
        if (query.AllowsPartial)
        {
            using var response = await SendAsync(csvQuery, "text/csv", cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            int rows;
            await using (body.ConfigureAwait(false))
            {
                rows = await UsageCsv.CopyCountingRowsAsync(body, destination, cancellationToken).ConfigureAwait(false);
            }

            await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
            return new UsageReportCoverage(query.Path, csvQuery.Start, csvQuery.End, limit, rows >= limit, 1);
        }

        UsageReportCoverage? coverage = null;
        var writer = new UsageCsvWriter(destination);
        var first = await FetchCsvAsync(csvQuery, cancellationToken).ConfigureAwait(false);
        await foreach (var answer in UsageReportWindows.CompleteAsync(csvQuery, first, FetchCsvAsync, c => coverage = c, cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteAsync(answer.Rows, cancellationToken).ConfigureAwait(false);
        }

        await writer.EndAsync(first.Rows.Header, cancellationToken).ConfigureAwait(false);
        return coverage!;
    }

    private async IAsyncEnumerable<UsageRecord> StreamRecordsAsync(UsageReportQuery query, Action<UsageReportCoverage> completed, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (query.AllowsPartial)
        {
            // Nothing to discard: records go out as they arrive, and the count tells whether the answer was cut.
            string? self = null;
            var count = 0;
            using var response = await SendAsync(query, "application/hal+json", cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                await foreach (var record in UsageRecordStream.ReadAsync(body, href => self = href, cancellationToken).ConfigureAwait(false))
                {
                    count++;
                    yield return record;
                }
            }

            var applied = UsageReportApplied.FromSelfLink(self, BasePath);
            var limit = applied.Limit ?? query.Limit ?? UsageReportQuery.ObservedDefaultLimit;
            completed(new UsageReportCoverage(applied.Path ?? query.Path, applied.Start ?? query.Start, applied.End ?? query.End, limit, count >= limit, 1));
            yield break;
        }

        var first = await FetchRecordsAsync(query, cancellationToken).ConfigureAwait(false);
        await foreach (var answer in UsageReportWindows.CompleteAsync(query, first, FetchRecordsAsync, completed, cancellationToken).ConfigureAwait(false))
        {
            foreach (var record in answer.Rows)
            {
                yield return record;
            }
        }
    }

    /// <summary>One window through the generated operation.</summary>
    private async Task<UsageReportWindowAnswer<IReadOnlyList<UsageRecord>>> FetchReportAsync(UsageReportQuery query, CancellationToken cancellationToken)
    {
        var report = await UsageReportTree.Operation(query.Path).Call(client, UsageReportWire.From(query), cancellationToken).ConfigureAwait(false);
        return ToAnswer(query, report);
    }

    /// <summary>One window streamed from the body into a list (at most the limit's records).</summary>
    private async Task<UsageReportWindowAnswer<IReadOnlyList<UsageRecord>>> FetchRecordsAsync(UsageReportQuery query, CancellationToken cancellationToken)
    {
        string? self = null;
        var records = new List<UsageRecord>();
        var buckets = new UsageReportBuckets();
        using var response = await SendAsync(query, "application/hal+json", cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            await foreach (var record in UsageRecordStream.ReadAsync(body, href => self = href, cancellationToken).ConfigureAwait(false))
            {
                records.Add(record);
                buckets.Add(record.GetDimension);
            }
        }

        return new(records, records.Count, UsageReportApplied.FromSelfLink(self, BasePath), buckets);
    }

    /// <summary>One CSV window read whole (at most the limit's rows).</summary>
    private async Task<UsageReportWindowAnswer<UsageCsvWindow>> FetchCsvAsync(UsageReportQuery query, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(query, "text/csv", cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            // No links in CSV: what the request sent is what applies.
            var applied = new UsageReportApplied(query.Path, query.Start, query.End, query.Limit);
            return await UsageCsv.ReadWindowAsync(body, applied, cancellationToken).ConfigureAwait(false);
        }
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

    /// <summary>The record columns in CMU's order: the path, then bare dimensions.</summary>
    private static string[] Columns(UsageReportQuery query) =>
        [.. query.Dimensions, .. query.Filters.Where(f => f.Kind == UsageFilterKind.Projection).Select(f => f.Dimension)];

    private UsageReportWindowAnswer<IReadOnlyList<UsageRecord>> ToAnswer(UsageReportQuery query, AdobePass.UsageReport report)
    {
        var columns = Columns(query);
        var records = (report.Report ?? []).Select(r => UsageRecordReader.From(r, columns)).ToArray();
        var buckets = new UsageReportBuckets();
        foreach (var record in records)
        {
            buckets.Add(record.GetDimension);
        }

        return new(records, records.Length, UsageReportApplied.FromSelfLink(report.Links?.Self?.Href, BasePath), buckets);
    }

    private UsageReport ToReport(UsageReportQuery query, AdobePass.UsageReport report, IReadOnlyList<UsageRecord> records, UsageReportCoverage? coverage)
    {
        var basePath = BasePath;
        var links = report.Links;
        UsageReportLink? rollUp = links?.RollUp is { } up ? ToLink(up, basePath) : null;
        var drillDowns = links?.DrillDown switch
        {
            { LinkList: { } list } => [.. list.Where(l => l?.Href is not null).Select(l => ToLink(l, basePath))],
            { Link: { Href: not null } one } => [ToLink(one, basePath)],
            _ => Array.Empty<UsageReportLink>(),
        };
        return new UsageReport(query, records, links?.Self?.Href, rollUp, drillDowns, this, coverage);
    }

    private static UsageReportLink ToLink(Link link, string basePath)
    {
        var dimensions = UsageReportPaths.FromHref(link.Href, basePath);
        var name = link.Name is { Length: > 0 } n ? n : dimensions.LastOrDefault() ?? "";
        return new UsageReportLink(name, link.Href, dimensions);
    }
}
