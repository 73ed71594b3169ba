using System.Globalization;
using System.Text;

namespace CmuContracts.Emulator.Reports;

/// <summary>HAL links of a report: self (path + full query with applied defaults), roll-up and drill-down (paths only).</summary>
internal static class ReportLinks
{
    public const string Base = "/cmu/v2";

    public static string PathHref(string path) => path == "/" ? Base : Base + path;

    /// <summary>
    /// Self href: the path without its format extension (Adobe's <c>/cmu/v2/year/month.json</c> example answers
    /// <c>/cmu/v2/year/month?start=…</c>), filters, bare dimensions, then start, end, limit, metrics, format.
    /// </summary>
    public static string Self(ReportQuery query)
    {
        var sb = new StringBuilder(PathHref(query.Node.Path));

        var first = true;
        void Add(string key, string? value)
        {
            sb.Append(first ? '?' : '&').Append(Uri.EscapeDataString(key).Replace("%21", "!", StringComparison.Ordinal));
            if (value is not null)
            {
                sb.Append('=').Append(Uri.EscapeDataString(value).Replace("%3A", ":", StringComparison.Ordinal));
            }

            first = false;
        }

        foreach (var filter in query.Filters)
        {
            Add(filter.Negated ? filter.Dimension + "!" : filter.Dimension, filter.Value);
        }

        foreach (var dimension in query.ForcedDimensions.Distinct(StringComparer.Ordinal))
        {
            Add(dimension, null);
        }

        Add("start", IsoTime.Print(query.Start));
        Add("end", IsoTime.Print(query.End));
        Add("limit", query.Limit.ToString(CultureInfo.InvariantCulture));
        foreach (var metric in query.Metrics)
        {
            Add("metrics", metric);
        }

        if (query.Format is not null)
        {
            Add("format", query.Format);
        }

        return sb.ToString();
    }

    /// <summary>Name of a drill-down link: the dimension it adds.</summary>
    public static string NameOf(string path) => path[(path.LastIndexOf('/') + 1)..];
}
