using System.Globalization;
using System.Text;

namespace CmuContracts.Reports;

/// <summary>
/// A query's parameters as the generated operations take them (<see cref="Arguments"/>), and as a query string in the
/// same order Refit writes it (start, end, format, limit, metrics, filters) for the one request sent without them: a
/// path the spec does not list (a link the server advertised), which has no generated operation.
/// <c>metrics</c> is one comma-separated value, Adobe's documented form (the spec's <c>explode: false</c>).
/// </summary>
internal sealed class UsageReportWire
{
    private UsageReportWire(string? start, string? end, AdobePass.ReportFormat? format, int? limit, IReadOnlyList<string>? metrics, IReadOnlyDictionary<string, IReadOnlyList<string>>? filters)
    {
        Start = start;
        End = end;
        Format = format;
        Limit = limit;
        Metrics = metrics;
        Filters = filters;
    }

    public string? Start { get; }

    public string? End { get; }

    /// <summary>The <c>format</c> the call asks for (<c>json</c>, <c>csv</c>); null sends none (the query's own description).</summary>
    public AdobePass.ReportFormat? Format { get; }

    public int? Limit { get; }

    public IReadOnlyList<string>? Metrics { get; }

    /// <summary>Wire key (<c>mvpd</c>, <c>mvpd!</c>) to values; an empty list is a bare key. In the order the filters were added.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters { get; }

    /// <summary>The query as the generated report operations take it.</summary>
    public static AdobePass.UsageReportsOperations.GetRootArguments Arguments(UsageReportQuery query, AdobePass.ReportFormat format)
    {
        var wire = From(query, format);
        return new()
        {
            Start = wire.Start,
            End = wire.End,
            Format = wire.Format,
            Limit = wire.Limit,
            Metrics = wire.Metrics,
            Filters = wire.Filters,
        };
    }

    public static UsageReportWire From(UsageReportQuery query, AdobePass.ReportFormat? format = null)
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
            format,
            query.Limit,
            query.Metrics.Count > 0 ? [.. query.Metrics.Select(m => m.Value)] : null,
            filters);
    }

    /// <summary>CMU's own time format (its self links): UTC, to the second, no zone designator.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Path and query string relative to the CMU base address, e.g. <c>/tenant?start=…&amp;format=csv&amp;mvpd!=x</c>.</summary>
    public static string RelativeUri(UsageReportQuery query, AdobePass.ReportFormat? format = null) => query.Path + From(query, format).QueryString();

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

        if (Format is { } format)
        {
            Add("format", format.ToString());
        }

        if (Limit is { } limit)
        {
            Add("limit", limit.ToString(CultureInfo.InvariantCulture));
        }

        if (Metrics is { Count: > 0 } metrics)
        {
            // As the generated operations send it (the spec's allowReserved): each name escaped, joined by a literal
            // comma, Adobe's documented form (metrics=m1,m2).
            sb.Append(sb.Length == 0 ? '?' : '&').Append("metrics=").AppendJoin(',', metrics.Select(Uri.EscapeDataString));
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
