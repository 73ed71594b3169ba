namespace CmuContracts.Cli.Reports;

/// <summary>A report as rows of text cells, columns in the server's order (dimensions, then metrics).</summary>
internal sealed class ReportData(string path, IReadOnlyList<string> columns, IReadOnlyList<string[]> rows)
{
    public static readonly IReadOnlySet<string> TimeDimensions = new HashSet<string>(StringComparer.Ordinal) { "year", "month", "day", "hour", "minute" };

    private static readonly HashSet<string> KnownDimensions = new(StringComparer.Ordinal)
    {
        "year", "month", "day", "hour", "minute", "tenant", "application", "application-id", "channel", "mvpd", "platform",
        "concurrency-level", "activity-level",
    };

    public string Path { get; } = path;

    public IReadOnlyList<string> Columns { get; } = columns;

    public IReadOnlyList<string[]> Rows { get; } = rows;

    /// <summary>Metric columns: everything that is not a known dimension.</summary>
    public bool IsMetric(int column) => !KnownDimensions.Contains(Columns[column]);

    /// <summary>The time columns, coarsest first.</summary>
    public IReadOnlyList<int> TimeColumns =>
        [.. Enumerable.Range(0, Columns.Count).Where(i => TimeDimensions.Contains(Columns[i]))];
}
