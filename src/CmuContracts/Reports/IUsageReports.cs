namespace CmuContracts.Reports;

/// <summary>
/// CMU usage reports from a typed <see cref="UsageReportQuery"/>: each query's dimension path is sent
/// to the matching operation of the generated <c>IUsageReportsClient</c>, authenticated by the access
/// pipeline <c>AddCmuClient</c> sets up. Injectable (registered by <c>AddCmuClient</c>) and mockable.
/// </summary>
public interface IUsageReports
{
    /// <summary>Gets one report: its records and its HAL links (drill down, roll up).</summary>
    /// <param name="query">The report to get.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The report.</returns>
    /// <exception cref="Refit.ApiException">CMU answered with a non-success status (400 bad parameter, 403, 404 path unknown to the server, ...).</exception>
    Task<UsageReport> GetReportAsync(UsageReportQuery query, CancellationToken cancellationToken = default);

    /// <summary>The records of one report, read from the response as they arrive.</summary>
    /// <param name="query">The report to read.</param>
    /// <param name="cancellationToken">Cancels the request and the enumeration.</param>
    /// <returns>The records, in the server's order.</returns>
    /// <exception cref="Refit.ApiException">CMU answered with a non-success status.</exception>
    IAsyncEnumerable<UsageRecord> GetRecordsAsync(UsageReportQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies the report as CSV (header row, then one line per record, exactly as CMU sends it) to
    /// <paramref name="destination"/> while it is received, never holding the whole report in memory.
    /// </summary>
    /// <param name="query">The report to copy.</param>
    /// <param name="destination">Where the CSV bytes go; it is flushed, not closed.</param>
    /// <param name="cancellationToken">Cancels the request and the copy.</param>
    /// <exception cref="Refit.ApiException">CMU answered with a non-success status (nothing is written then).</exception>
    Task CopyCsvAsync(UsageReportQuery query, Stream destination, CancellationToken cancellationToken = default);
}
