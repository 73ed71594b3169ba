using System.Globalization;
using CmuContracts.Reports;

namespace CmuContracts.Cli.Reports;

/// <summary>
/// A report's query in words for a chart's subtitle, so a shared chart says what it shows:
/// <c>CMU /tenant/year/month/day, tenant=Acme, mvpd!=Dish, 2026-10-01 to 2026-11-01 (end exclusive, UTC)</c>.
/// </summary>
internal static class ChartScope
{
    public static string Describe(UsageReportQuery query, TimeProvider clock)
    {
        var filters = query.Filters.Select(f => f.Kind switch
        {
            UsageFilterKind.In => $"{f.Dimension}={string.Join("|", f.Values)}",
            UsageFilterKind.NotIn => $"{f.Dimension}!={string.Join("|", f.Values)}",
            _ => $"with {f.Dimension}",
        });
        var from = query.Start is { } start ? Format(start) : "the server's default start";
        var to = query.End is { } end ? Format(end) : $"now ({Format(clock.GetUtcNow())})";
        return string.Join(", ", [$"CMU {query.Path}", .. filters, $"{from} to {to} (end exclusive, UTC)"]);
    }

    private static string Format(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return utc.ToString(utc.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }
}
