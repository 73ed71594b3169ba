using CmuContracts.AdobePass;
using CmuContracts.Reports;

namespace CmuContracts.Cli.Reports;

/// <summary>
/// A report as rows of text cells, columns in the server's order (dimensions, then metrics), and what the rows cover
/// (the library's coverage: path, window and limit applied, windows fetched, whether truncated; null when unknown).
/// </summary>
internal sealed class ReportData(string path, IReadOnlyList<string> columns, IReadOnlyList<string[]> rows, IReadOnlySet<string> metrics, UsageReportCoverage? coverage = null)
{
    public string Path { get; } = path;

    public IReadOnlyList<string> Columns { get; } = columns;

    public IReadOnlyList<string[]> Rows { get; } = rows;

    public UsageReportCoverage? Coverage { get; } = coverage;

    /// <summary>Whether a column holds a metric (a number) rather than a dimension.</summary>
    public bool IsMetric(int column) => metrics.Contains(Columns[column]);

    /// <summary>The time columns, coarsest first.</summary>
    public IReadOnlyList<int> TimeColumns =>
        [.. Enumerable.Range(0, Columns.Count).Where(i => new ReportDimension(Columns[i]).IsTime)];
}
