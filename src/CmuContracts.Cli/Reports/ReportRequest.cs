namespace CmuContracts.Cli.Reports;

/// <summary>A report as the command line asked for it, with the CMU path already chosen.</summary>
/// <param name="Path">The CMU path, e.g. <c>/tenant/year/month/day</c> (<c>/</c> for the totals).</param>
/// <param name="Filters">Dimension filters; a key ending in <c>!</c> means NOT IN.</param>
internal sealed record ReportRequest(
    string Path,
    string? Start,
    string? End,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    IReadOnlyList<string> Metrics,
    int? Limit)
{
    /// <summary>The path's dimensions, in path order.</summary>
    public IReadOnlyList<string> Dimensions => Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
