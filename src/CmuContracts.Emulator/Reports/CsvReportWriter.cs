using System.Text;

namespace CmuContracts.Emulator.Reports;

/// <summary>CSV: a header row (dimensions, then metrics) and one row per record, RFC 4180 quoting, CRLF line ends.</summary>
internal static class CsvReportWriter
{
    public const string ContentType = "text/csv;charset=utf-8";

    public static byte[] Write(ReportResult result)
    {
        var sb = new StringBuilder();
        AppendLine(sb, [.. result.Dimensions, .. result.Metrics]);
        foreach (var row in result.Rows)
        {
            AppendLine(sb, row);
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary><c>report__&lt;start&gt;_&lt;end&gt;_&lt;filter values…&gt;_&lt;limit&gt;.csv</c> with <c>yyyy-MM-dd</c> dates.</summary>
    public static string FileName(ReportQuery query)
    {
        var parts = new List<string>
        {
            query.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            query.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        parts.AddRange(query.Filters.Select(f => Sanitize(f.Value)));
        parts.Add(query.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "report__" + string.Join('_', parts) + ".csv";
    }

    private static string Sanitize(string value) =>
        new([.. value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-')]);

    private static void AppendLine(StringBuilder sb, string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            var cell = cells[i];
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                sb.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(cell);
            }
        }

        sb.Append("\r\n");
    }
}
