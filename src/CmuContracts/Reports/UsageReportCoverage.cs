using System.Globalization;

namespace CmuContracts.Reports;

/// <summary>
/// What a report's numbers cover: the path, time window and row limit the server applied (read from the report's
/// <c>self</c> link, which carries every default it used), whether the rows were cut at that limit, and how many time
/// windows the library fetched to assemble the report.
/// </summary>
public sealed class UsageReportCoverage
{
    /// <summary>Creates a coverage (for tests and mocks; <see cref="IUsageReports"/> builds them from CMU's answers).</summary>
    /// <param name="path">The applied path, e.g. <c>/tenant/year/month/day</c>.</param>
    /// <param name="start">The applied start (UTC), if known.</param>
    /// <param name="end">The applied end (UTC), if known.</param>
    /// <param name="limit">The row limit per request.</param>
    /// <param name="isTruncated">Whether the rows stop at the limit (a partial report).</param>
    /// <param name="windows">The number of time windows the report was assembled from (1: one answer).</param>
    public UsageReportCoverage(string path, DateTimeOffset? start, DateTimeOffset? end, int limit, bool isTruncated, int windows)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windows);
        Path = path;
        Start = start;
        End = end;
        Limit = limit;
        IsTruncated = isTruncated;
        Windows = windows;
    }

    /// <summary>The path the server answered, e.g. <c>/tenant/year/month/day</c>.</summary>
    public string Path { get; }

    /// <summary>
    /// Start of the window (inclusive, UTC) the server applied: the query's, or the server's default for the path's
    /// granularity when the query had none; null when the server did not say.
    /// </summary>
    public DateTimeOffset? Start { get; }

    /// <summary>End of the window (exclusive, UTC) the server applied (its "now" by default); null when it did not say.</summary>
    public DateTimeOffset? End { get; }

    /// <summary>
    /// The most rows the server returns for one request: from the <c>self</c> link; else the query's limit; else 1000,
    /// the default observed in Adobe's published answers [O] (<see cref="UsageReportQuery.ObservedDefaultLimit"/>).
    /// </summary>
    public int Limit { get; }

    /// <summary>
    /// True when the rows stop at <see cref="Limit"/>: the report is partial (only with
    /// <see cref="UsageReportQuery.AllowPartial"/>; otherwise a report that cannot be completed throws
    /// <see cref="UsageReportLimitException"/>).
    /// </summary>
    public bool IsTruncated { get; }

    /// <summary>How many time windows (one request each) the rows came from: 1 when the report fitted in one answer.</summary>
    public int Windows { get; }

    /// <summary>
    /// The start (UTC) of the last time bucket when <see cref="End"/> lies inside it (a report up to now ends inside
    /// today, this hour, ...): that bucket's values cover only part of its time and must not be read as a whole one.
    /// Null when the window ends on a bucket boundary, its end is unknown, or the path has no time dimension.
    /// </summary>
    public DateTimeOffset? PartialBucketStart =>
        End is { } end ? UsageReportTime.PartialBucketStart(Path.Split('/', StringSplitOptions.RemoveEmptyEntries), end) : null;

    /// <inheritdoc/>
    public override string ToString()
    {
        var window = $"{Time(Start)} to {Time(End)}";
        var rows = IsTruncated ? $"truncated at the limit of {Limit} rows" : $"complete (limit {Limit} rows per request)";
        var windows = Windows == 1 ? "1 window" : $"{Windows} windows";
        return $"{Path}, {window}, {rows}, {windows}";
    }

    private static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "(not reported)";
}
