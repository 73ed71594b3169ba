using System.Globalization;
using CmuContracts.AdobePass;
using CmuContracts.Reports;

namespace CmuContracts.Cli.Reports;

/// <summary>
/// What a report's numbers cover, in words (under the table, on standard error for CSV, in a chart's subtitle) and
/// in the JSON output: the path, window and row limit the server applied (the library reads them from the report's
/// <c>self</c> link), how many time windows were fetched, and whether the rows stop at the limit.
/// </summary>
internal static class CoverageText
{
    /// <summary><c>covers /tenant/year/month/day from 2026-05-01 to 2026-05-08 (end exclusive, UTC); limit 1000 rows per request; fetched in 2 time windows</c>.</summary>
    public static string Describe(UsageReportCoverage coverage)
    {
        var text = $"covers {coverage.Path} {Window(coverage.Start, coverage.End)}; limit {Rows(coverage.Limit)} per request";
        text = coverage.Windows > 1 ? $"{text}; fetched in {coverage.Windows} time windows" : text;
        return PartialBucket(coverage.Path, coverage.End) is { } partial ? $"{text}; {partial}" : text;
    }

    /// <summary>
    /// When the window ends inside a bucket of the path's finest time dimension (a report up to now ends inside
    /// today), that bucket holds only part of its time and must not be read as a whole one:
    /// <c>the last day, 2026-11-05, is partial (data to 2026-11-05 13:30)</c>. Null when the window ends on a bucket
    /// boundary, or the path has no time dimension (the library's <see cref="UsageReportCoverage.PartialBucketStart"/>).
    /// </summary>
    public static string? PartialBucket(string path, DateTimeOffset? end)
    {
        if (end is not { } e || new UsageReportCoverage(path, null, e, 1, false, 1).PartialBucketStart is not { } bucket)
        {
            return null;
        }

        var finest = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Last(d => new ReportDimension(d).IsTime);
        var label = finest switch
        {
            "year" => "yyyy",
            "month" => "yyyy-MM",
            "day" => "yyyy-MM-dd",
            "hour" => "yyyy-MM-dd HH:00",
            _ => "yyyy-MM-dd HH:mm",
        };
        return $"the last {finest}, {bucket.UtcDateTime.ToString(label, CultureInfo.InvariantCulture)}, is partial (data to {Time(e)})";
    }

    /// <summary>The warning for a report cut at <c>--limit</c>, or null when it is complete.</summary>
    public static string? Truncation(UsageReportCoverage? coverage) => coverage is { IsTruncated: true } c
        ? $"TRUNCATED: the server stopped at the limit of {Rows(c.Limit)} (--limit {c.Limit}); the report may have more rows: leave out --limit to get all of them"
        : null;

    /// <summary><c>from 2026-05-01 to 2026-05-08 13:05 (end exclusive, UTC)</c>; an unknown end is the server's "now".</summary>
    public static string Window(DateTimeOffset? start, DateTimeOffset? end) =>
        $"from {(start is { } s ? Time(s) : "the server's default start")} to {(end is { } e ? Time(e) : "now")} (end exclusive, UTC)";

    /// <summary>A time as the tool prints it: the date alone at midnight UTC, else the time to the minute (or second).</summary>
    public static string Time(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var format = utc.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : utc.Second == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss";
        return utc.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>ISO-8601 UTC for the JSON output: <c>2026-05-01T00:00:00Z</c>.</summary>
    public static string? Iso(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Rows(int limit) => limit == 1 ? "1 row" : $"{limit} rows";
}
