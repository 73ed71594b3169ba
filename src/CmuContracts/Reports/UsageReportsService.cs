using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CmuContracts.AdobePass;
using CmuContracts.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace CmuContracts.Reports;

/// <summary>
/// <see cref="IUsageReports"/> over the generated <see cref="IUsageReportsClient"/>, through its operation index
/// (<see cref="UsageReportsOperations"/>): a report is read by the path's operation, and streamed records and CSV by
/// its raw variant (the same request, the body left unread for streaming). A report cut at the server's limit is
/// completed in time windows by <see cref="UsageReportWindows"/>. A path the spec does not list (a link the server
/// advertised, or <see cref="UsageReportQuery.ForServerPath"/>) has no generated operation: it is sent as the same
/// request would be, through the same HttpClient, read with the generated JSON code, and logged as a hint that the
/// spec may be behind the server.
/// </summary>
internal sealed partial class UsageReportsService(IUsageReportsClient client, HttpClient http, ILogger<UsageReportsService>? logger = null) : IUsageReports
{
    private static readonly RefitSettings Settings = CmuRefitSettings.Create();

    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    private string BasePath => http.BaseAddress?.AbsolutePath ?? "/";

    public async Task<UsageReport> GetReportAsync(UsageReportQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var report = await CallAsync(query, cancellationToken).ConfigureAwait(false);
        UsageReportCoverage? coverage = null;
        var windows = new List<IReadOnlyList<UsageRecord>>();
        await foreach (var answer in UsageReportWindows.CompleteAsync(query, ToAnswer(report), FetchReportAsync, c => coverage = c, cancellationToken).ConfigureAwait(false))
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
            var probe = await CallAsync(query.WithLimit(1), cancellationToken).ConfigureAwait(false);
            if (UsageReportApplied.FromSelfLink(probe.Links?.Self?.Href, BasePath) is { Start: { } start, End: { } end } && start <= end)
            {
                csvQuery = csvQuery.Between(start, end);
            }
        }

        var limit = csvQuery.Limit!.Value;
        if (query.AllowsPartial)
        {
            using var response = await SendAsync(csvQuery, ReportFormat.Csv, cancellationToken).ConfigureAwait(false);
            var rows = await ReadBodyAsync(response, body => UsageCsv.CopyCountingRowsAsync(body, destination, cancellationToken), cancellationToken).ConfigureAwait(false);

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
            using var response = await SendAsync(query, ReportFormat.Json, cancellationToken).ConfigureAwait(false);
            await foreach (var record in ReadRecordsAsync(response, href => self = href, cancellationToken).ConfigureAwait(false))
            {
                count++;
                yield return record;
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
        var report = await CallAsync(query, cancellationToken).ConfigureAwait(false);
        return ToAnswer(report);
    }

    /// <summary>One JSON answer: through the generated operation, or for a path the spec does not list, as a plain request.</summary>
    private async Task<UsageReport> CallAsync(UsageReportQuery query, CancellationToken cancellationToken)
    {
        if (UsageReportTree.TryOperation(query.Path) is { } operation)
        {
            return await operation.InvokeAsync(client, UsageReportWire.Arguments(query, ReportFormat.Json), cancellationToken).ConfigureAwait(false);
        }

        using var response = await SendAsync(query, ReportFormat.Json, cancellationToken).ConfigureAwait(false);
        return await ReadBodyAsync(response, async body => await JsonSerializer.DeserializeAsync(body, AdobePassJsonContext.Default.UsageReport, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
            ?? throw new CmuException($"CMU answered {query.Path} with an empty JSON document.") { StatusCode = (int)response.StatusCode };
    }

    /// <summary>One window streamed from the body into a list (at most the limit's records).</summary>
    private async Task<UsageReportWindowAnswer<IReadOnlyList<UsageRecord>>> FetchRecordsAsync(UsageReportQuery query, CancellationToken cancellationToken)
    {
        string? self = null;
        var records = new List<UsageRecord>();
        var buckets = new UsageReportBuckets();
        using var response = await SendAsync(query, ReportFormat.Json, cancellationToken).ConfigureAwait(false);
        await foreach (var record in ReadRecordsAsync(response, href => self = href, cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
            buckets.Add(d => record.GetDimension(d));
        }

        return new(records, records.Count, UsageReportApplied.FromSelfLink(self, BasePath), buckets);
    }

    /// <summary>One CSV window read whole (at most the limit's rows).</summary>
    private async Task<UsageReportWindowAnswer<UsageCsvWindow>> FetchCsvAsync(UsageReportQuery query, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(query, ReportFormat.Csv, cancellationToken).ConfigureAwait(false);

        // No links in CSV: what the request sent is what applies.
        var applied = new UsageReportApplied(query.Path, query.Start, query.End, query.Limit);
        return await ReadBodyAsync(response, body => UsageCsv.ReadWindowAsync(body, applied, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a success answer's body; one that breaks off (<see cref="AnswerBodyStream"/>) or is not the JSON it
    /// announces fails as the library's exception, never as the HTTP stack's or the JSON reader's.
    /// </summary>
    private static async Task<T> ReadBodyAsync<T>(HttpResponseMessage response, Func<Stream, Task<T>> read, CancellationToken cancellationToken)
    {
        var body = await AnswerBodyStream.OpenAsync(response, cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            try
            {
                return await read(body).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw CmuFailures.Unreadable(response, ex);
            }
        }
    }

    /// <summary>The records of a success answer as they arrive, failing as <see cref="ReadBodyAsync"/> does.</summary>
    private static async IAsyncEnumerable<UsageRecord> ReadRecordsAsync(HttpResponseMessage response, Action<string> selfHref, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var body = await AnswerBodyStream.OpenAsync(response, cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var records = UsageRecordStream.ReadAsync(body, selfHref, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (records.ConfigureAwait(false))
            {
                while (true)
                {
                    try
                    {
                        if (!await records.MoveNextAsync().ConfigureAwait(false))
                        {
                            yield break;
                        }
                    }
                    catch (JsonException ex)
                    {
                        throw CmuFailures.Unreadable(response, ex);
                    }

                    yield return records.Current;
                }
            }
        }
    }

    /// <summary>
    /// Sends the query without buffering the body, asking for <paramref name="format"/> with <c>format=</c> and the
    /// <c>Accept</c> type Adobe names for it; a non-success status is a <see cref="CmuServiceException"/>, as from the
    /// generated operations, and an answer in another format is a <see cref="CmuException"/> (CSV must never be
    /// JSON or HTML written into a .csv file).
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(UsageReportQuery query, ReportFormat format, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        HttpRequestMessage? sent = null;
        var operation = UsageReportTree.TryOperation(query.Path);
        if (operation is not null)
        {
            // The generated raw variant: the request the reading method sends (query, Accept, bearer, options).
            var variant = format == ReportFormat.Csv ? operation.Alternatives.Single(a => a.MediaType == UsageReportMediaTypes.Accept(format)) : operation;
            response = await variant.SendAsync(client, UsageReportWire.Arguments(query, format), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            sent = CreateRequest(query, format);
            response = await http.SendAsync(sent, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }

        using (sent)
        {
            if (!response.IsSuccessStatusCode)
            {
                using (response)
                {
                    var request = sent ?? response.RequestMessage!;
                    throw CmuFailures.Service(await ApiException.Create(request, HttpMethod.Get, response, Settings).ConfigureAwait(false), CmuFailures.OperationOf(request));
                }
            }
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (!UsageReportMediaTypes.Matches(format, mediaType))
        {
            using (response)
            {
                throw new CmuException($"CMU answered {query.Path} with '{mediaType ?? "no content type"}' where {UsageReportMediaTypes.Accept(format)} was asked for (format={format}); the answer was not used.")
                {
                    StatusCode = (int)response.StatusCode,
                    OperationId = operation?.OperationId,
                    Remedy = "Check that CmuBaseAddress points at the CMU service (a proxy or login page answers HTML).",
                };
            }
        }

        return response;
    }

    /// <summary>For a path the spec does not list (no generated operation), the request a generated operation would send.</summary>
    private HttpRequestMessage CreateRequest(UsageReportQuery query, ReportFormat format)
    {
        LogPathNotInSpec(_logger, query.Path);
        var baseAddress = http.BaseAddress ?? throw new InvalidOperationException("The CMU HttpClient has no BaseAddress.");
        return UsageReportRequestRenderer.Create(baseAddress, query, format);
    }

    /// <summary>The record columns in CMU's order: the path, then bare dimensions.</summary>
    private static string[] Columns(UsageReportQuery query) =>
        [.. query.Dimensions, .. query.Filters.Where(f => f.Kind == UsageFilterKind.Projection).Select(f => f.Dimension)];

    private UsageReportWindowAnswer<IReadOnlyList<UsageRecord>> ToAnswer(UsageReport report)
    {
        var records = report.Records;
        var buckets = new UsageReportBuckets();
        foreach (var record in records)
        {
            buckets.Add(d => record.GetDimension(d));
        }

        return new(records, records.Count, UsageReportApplied.FromSelfLink(report.SelfLink, BasePath), buckets);
    }

    /// <summary>The first answer with every window's records, and what the service knows of it (query, coverage, links read against the base path).</summary>
    private UsageReport ToReport(UsageReportQuery query, UsageReport first, IReadOnlyList<UsageRecord> records, UsageReportCoverage? coverage)
    {
        var basePath = BasePath;
        var rollUp = first.Links?.RollUp is { } up ? UsageReportLink.From(up, basePath) : null;
        return new UsageReport(query, records, first.SelfLink, rollUp, UsageReportLink.DrillDowns(first.Links, basePath), this, coverage);
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "CMU path {Path} is not in the spec's drill-down tree; sending it as the server advertised it (the spec may be behind the server: consider adding the path).")]
    private static partial void LogPathNotInSpec(ILogger logger, string path);
}
