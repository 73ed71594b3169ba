using System.Globalization;
using System.Text;

namespace CmuContracts.Reports;

/// <summary>
/// A query's parameters as the generated operations take them, and as a query string in the same
/// order Refit writes it (start, end, limit, metrics, filters) for requests sent without Refit.
/// </summary>
internal sealed class UsageReportWire
{
    private UsageReportWire(string? start, string? end, int? limit, IReadOnlyList<string>? metrics, IReadOnlyDictionary<string, IReadOnlyList<string>>? filters)
    {
        Start = start;
        End = end;
        Limit = limit;
        Metrics = metrics;
        Filters = filters;
    }

    public string? Start { get; }

    public string? End { get; }

    public int? Limit { get; }

    public IReadOnlyList<string>? Metrics { get; }

    /// <summary>Wire key (<c>mvpd</c>, <c>mvpd!</c>) to values; an empty list is a bare key. In the order the filters were added.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters { get; }

    public static UsageReportWire From(UsageReportQuery query)
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

        return new(
            query.Start is { } start ? Time(start) : null,
            query.End is { } end ? Time(end) : null,
            query.Limit,
            query.Metrics.Count > 0 ? [.. query.Metrics.Select(m => m.Name)] : null,
            filters);
    }

    /// <summary>CMU's own time format (its self links): UTC, to the second, no zone designator.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Path and query string relative to the CMU base address, e.g. <c>/tenant?start=…&amp;mvpd!=x</c>.</summary>
    public static string RelativeUri(UsageReportQuery query) => query.Path + From(query).QueryString();

    public string QueryString()
    {
        var sb = new StringBuilder();
        void Add(string escapedKey, string? value)
        {
            sb.Append(sb.Length == 0 ? '?' : '&').Append(escapedKey);
            if (value is not null)
            {
                sb.Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        if (Start is not null)
        {
            Add("start", Start);
        }

        if (End is not null)
        {
            Add("end", End);
        }

        if (Limit is { } limit)
        {
            Add("limit", limit.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var metric in Metrics ?? [])
        {
            Add("metrics", metric);
        }

        foreach (var (key, values) in Filters ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            // As the generated query converter: a trailing '!' (NOT IN) stays literal.
            var escaped = Uri.EscapeDataString(key).Replace("%21", "!", StringComparison.Ordinal);
            if (values.Count == 0)
            {
                Add(escaped, null);
            }

            foreach (var value in values)
            {
                Add(escaped, value);
            }
        }

        return sb.ToString();
    }
}
