namespace CmuContracts.Reports;

/// <summary>
/// One answer of CMU for one time window, held whole (at most the limit's rows) until the library knows whether the
/// server cut it: its rows (records or CSV), how many, what the server says it applied, and what the rows tell about
/// the time buckets they fill (to size smaller windows when the answer was cut).
/// </summary>
internal sealed class UsageReportWindowAnswer<T>(T rows, int rowCount, UsageReportApplied applied, UsageReportBuckets buckets)
{
    public T Rows { get; } = rows;

    public int RowCount { get; } = rowCount;

    public UsageReportApplied Applied { get; } = applied;

    public UsageReportBuckets Buckets { get; } = buckets;
}
