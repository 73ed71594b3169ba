using CmuContracts.Reports;

namespace CmuContracts.Cli.Reports;

/// <summary>
/// A report's query in words for a chart's subtitle, so a shared chart says what it shows:
/// <c>CMU /tenant/year/month/day, tenant=Acme, mvpd!=Dish, from 2026-10-01 to 2026-11-01 (end exclusive, UTC)</c>.
/// The window is the one the server applied (the report's coverage) when known; a last bucket the window ends inside
/// (today, in a report up to now) is called partial, and a cut report says so.
/// </summary>
internal static class ChartScope
{
    public static string Describe(UsageReportQuery query, UsageReportCoverage? coverage, TimeProvider clock)
    {
        var filters = query.Filters.Select(f => f.Kind switch
        {
            UsageFilterKind.In => $"{f.Dimension}={string.Join("|", f.Values)}",
            UsageFilterKind.NotIn => $"{f.Dimension}!={string.Join("|", f.Values)}",
            _ => $"with {f.Dimension}",
        });
        var end = coverage?.End ?? query.End ?? clock.GetUtcNow();
        var window = CoverageText.Window(coverage?.Start ?? query.Start, end);
        string[] partial = CoverageText.PartialBucket(query.Path, end) is { } p ? [p] : [];
        string[] truncated = coverage is { IsTruncated: true } c ? [$"TRUNCATED at {c.Limit} rows"] : [];
        return string.Join(", ", [$"CMU {query.Path}", .. filters, window, .. partial, .. truncated]);
    }
}
