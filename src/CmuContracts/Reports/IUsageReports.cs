using CmuContracts.AdobePass;

namespace CmuContracts.Reports;

/// <summary>
/// CMU usage reports from a typed <see cref="UsageReportQuery"/>: each query's dimension path is sent
/// to the matching operation of the generated <c>IUsageReportsClient</c>, authenticated by the access
/// pipeline <c>AddCmuClient</c> sets up. Injectable (registered by <c>AddCmuClient</c>) and mockable.
/// </summary>
/// <remarks>
/// <para>
/// <b>Complete or loud.</b> CMU has no paging: an answer stops at the row limit the server applied (its
/// <c>self</c> link says which; 1000 by default [O]). When an answer has as many rows as that limit, the report is
/// fetched again in smaller time windows cut at bucket boundaries of the path's finest time dimension (year, month,
/// day, hour, minute), at most four requests at a time through the same pipeline (bearer, retries of 429 and 5xx
/// answers, timeouts), and a window cut again is cut again. Every bucket lies whole in one window, so every row is
/// the one a single request would return, distinct counts included. A report that cannot be cut (its path has no
/// time dimension, or one bucket alone reaches the limit) throws <see cref="UsageReportLimitException"/>;
/// <see cref="UsageReportQuery.AllowPartial"/> accepts the answer as cut instead, marked truncated.
/// </para>
/// <para>
/// <b>Order.</b> <see cref="GetReportAsync"/> returns the records in the server's order, merging the windows. The
/// streaming calls (<see cref="GetRecordsAsync"/>, <see cref="CopyCsvAsync"/>) pass each window on whole, in time
/// order, holding at most a few windows (each at most the limit's rows): on paths that begin with their time
/// dimensions (<c>/year/month/day/…</c>) that is the server's order; on others (<c>/tenant/year/…</c>) rows come
/// window by window, each window in the server's order.
/// </para>
/// </remarks>
public interface IUsageReports
{
    /// <summary>Gets one report whole: its records, what they cover, and its HAL links (drill down, roll up).</summary>
    /// <param name="query">The report to get.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The report; <see cref="UsageReport.IsTruncated"/> only with <see cref="UsageReportQuery.AllowPartial"/>.</returns>
    /// <exception cref="CmuServiceException">CMU answered with a non-success status (400 bad parameter, 403, 404 path unknown to the server, ...).</exception>
    /// <exception cref="CmuTransportException">No answer: the connection failed, or timed out (<see cref="CmuTimeoutException"/>).</exception>
    /// <exception cref="UsageReportLimitException">The report reached the server's row limit and cannot be cut into smaller time windows.</exception>
    Task<UsageReport> GetReportAsync(UsageReportQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The records of one report, streamed: each time window is read whole (at most the limit's records) and passed
    /// on, so a window the server cut can be discarded and fetched again in smaller windows. With
    /// <see cref="UsageReportQuery.AllowPartial"/> records go out as they arrive. Once read to the end,
    /// <see cref="UsageRecords.Coverage"/> tells what they cover and whether they were truncated.
    /// </summary>
    /// <param name="query">The report to read.</param>
    /// <param name="cancellationToken">Cancels the requests and the enumeration.</param>
    /// <returns>The records: in the server's order within each window, windows in time order (see the remarks).</returns>
    /// <exception cref="CmuServiceException">CMU answered with a non-success status (thrown by the enumeration).</exception>
    /// <exception cref="UsageReportLimitException">The report cannot be completed (thrown by the enumeration, before any record of the window concerned).</exception>
    UsageRecords GetRecordsAsync(UsageReportQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies the report as CSV to <paramref name="destination"/>: one header row, then the records' lines as CMU sends
    /// them, window by window (each window read whole, at most the limit's rows, before it is written; see the
    /// remarks). CSV has no links, so the library sends the row limit explicitly (the query's, else
    /// <see cref="UsageReportQuery.ObservedDefaultLimit"/>, the default observed in Adobe's answers [O]), and when the
    /// query leaves the start or end to the server, first learns the window the server applies from a one-row JSON
    /// answer's <c>self</c> link and sends it explicitly. With <see cref="UsageReportQuery.AllowPartial"/> the CSV is
    /// copied as it arrives.
    /// </summary>
    /// <param name="query">The report to copy.</param>
    /// <param name="destination">Where the CSV bytes go; it is flushed, not closed.</param>
    /// <param name="cancellationToken">Cancels the requests and the copy.</param>
    /// <returns>What the CSV covers: the window and limit sent, whether it was truncated, the windows fetched.</returns>
    /// <exception cref="CmuServiceException">CMU answered with a non-success status (nothing is written when the first request fails).</exception>
    /// <exception cref="UsageReportLimitException">The report cannot be completed (rows of earlier windows may have been written).</exception>
    Task<UsageReportCoverage> CopyCsvAsync(UsageReportQuery query, Stream destination, CancellationToken cancellationToken = default);
}
