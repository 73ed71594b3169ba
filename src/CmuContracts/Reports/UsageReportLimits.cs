using CmuContracts.AdobePass;

namespace CmuContracts.Reports;

/// <summary>The <see cref="UsageReportLimitException"/>s: what reached the limit, why it cannot be cut, what to do.</summary>
internal static class UsageReportLimits
{
    public static UsageReportLimitException NoTimeDimension(UsageReportQuery query, string path, int limit)
    {
        var timed = query.NextDimensions.FirstOrDefault(d => new ReportDimension(d).IsTime);
        var drill = timed is null ? "" : $" a path with a time dimension (such as '{UsageReportPaths.Format([.. query.Dimensions, timed])}') to get the rows per period,";
        return Create(
            query,
            path,
            limit,
            $"The CMU report '{path}' reached the server's limit of {Rows(limit)} (CMU has no paging) and cannot be fetched in smaller time windows: its path has no time dimension.",
            $"Narrow it with filters (Where, WhereNot),{drill} ask for a larger limit (WithLimit) if the server allows it, or accept the first {Rows(limit)} with AllowPartial().",
            null,
            null);
    }

    public static UsageReportLimitException UnknownWindow(UsageReportQuery query, string path, int limit) => Create(
        query,
        path,
        limit,
        $"The CMU report '{path}' reached the server's limit of {Rows(limit)} (CMU has no paging), and the server did not say which time window it applied (no start or end in its self link), so the report cannot be cut into smaller windows.",
        $"Give the window explicitly (Between), narrow the report with filters (Where, WhereNot), or accept the first {Rows(limit)} with AllowPartial().",
        query.Start,
        query.End);

    public static UsageReportLimitException OneBucket(UsageReportQuery query, string path, int limit, DateTimeOffset bucket, int granularity, DateTimeOffset start, DateTimeOffset end) => Create(
        query,
        path,
        limit,
        $"The CMU report '{path}' reached the server's limit of {Rows(limit)} (CMU has no paging) within {UsageReportTime.Describe(bucket, granularity)} alone, the finest time bucket of its path, so smaller time windows cannot complete it.",
        $"Narrow it with filters (Where, WhereNot) on its dimensions, ask for a larger limit (WithLimit) if the server allows it, or accept the first {Rows(limit)} with AllowPartial().",
        start,
        end);

    private static string Rows(int limit) => limit == 1 ? "1 row" : $"{limit} rows";

    private static UsageReportLimitException Create(UsageReportQuery query, string path, int limit, string what, string remedy, DateTimeOffset? start, DateTimeOffset? end) =>
        new($"{what} {remedy}", path, limit, start, end)
        {
            OperationId = UsageReportTree.TryOperation(query.Path)?.OperationId,
            Remedy = remedy,
        };
}
