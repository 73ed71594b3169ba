using System.Globalization;
using CmuContracts.AdobePass;

namespace CmuContracts.Reports;

/// <summary>
/// A query's parameters as the generated report operations take them: times in CMU's own format, metrics by name,
/// filters by wire key (<c>mvpd</c>, <c>mvpd!</c>). The generated code writes the query string from them (also for a
/// path the spec does not list, see <see cref="UsageReportRequestRenderer"/>).
/// </summary>
internal static class UsageReportWire
{
    /// <summary>The query as the generated report operations take it, asking for <paramref name="format"/> (null: none).</summary>
    public static UsageReportsOperations.GetRootArguments Arguments(UsageReportQuery query, ReportFormat? format)
    {
        OrderedDictionary<string, IReadOnlyList<string>>? filters = null;
        if (query.Filters.Count > 0)
        {
            filters = new(StringComparer.Ordinal);
            foreach (var filter in query.Filters)
            {
                filters[filter.WireKey] = filter.Values;
            }
        }

        return new()
        {
            Start = query.Start is { } start ? Time(start) : null,
            End = query.End is { } end ? Time(end) : null,
            Format = format,
            Limit = query.Limit,
            Metrics = query.Metrics.Count > 0 ? [.. query.Metrics.Select(m => m.Value)] : null,
            Filters = filters,
        };
    }

    /// <summary>CMU's own time format (its self links): UTC, to the second, no zone designator.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
