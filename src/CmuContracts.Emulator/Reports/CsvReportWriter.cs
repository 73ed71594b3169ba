using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace CmuContracts.Emulator.Reports;

/// <summary>
/// Streams CSV to the response body: a header row (dimensions, then metrics) and one row per record, RFC 4180
/// quoting, CRLF line ends. One line is built at a time.
/// </summary>
internal static class CsvReportWriter
{
    public const string ContentType = "text/csv;charset=utf-8";

    public static async Task WriteAsync(PipeWriter output, ReportTable table, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        long pending = 0;
        string[] header = [.. table.Dimensions, .. table.Metrics];
        for (var column = 0; column < header.Length; column++)
        {
            AppendCell(line, column, header[column]);
        }

        pending += Emit(output, line);
        for (var row = 0; row < table.RowCount; row++)
        {
            for (var column = 0; column < table.ColumnCount; column++)
            {
                table.GetCell(row, column, out var text, out var number);
                if (text is not null)
                {
                    AppendCell(line, column, text);
                }
                else
                {
                    line.Append(column > 0 ? "," : "").Append(CultureInfo.InvariantCulture, $"{number}");
                }
            }

            pending += Emit(output, line);
            if (pending >= HalJsonReportWriter.FlushBytes)
            {
                pending = 0;
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>report__&lt;start&gt;_&lt;end&gt;_&lt;filter values…&gt;_&lt;limit&gt;.csv</c> with <c>yyyy-MM-dd</c> dates.</summary>
    public static string FileName(ReportQuery query)
    {
        var parts = new List<string>
        {
            query.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            query.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        parts.AddRange(query.Filters.Select(f => Sanitize(f.Value)));
        parts.Add(query.Limit.ToString(CultureInfo.InvariantCulture));
        return "report__" + string.Join('_', parts) + ".csv";
    }

    private static string Sanitize(string value) =>
        new([.. value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-')]);

    private static void AppendCell(StringBuilder line, int column, string cell)
    {
        if (column > 0)
        {
            line.Append(',');
        }

        if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            line.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            line.Append(cell);
        }
    }

    /// <summary>Ends the line, encodes it into the pipe and clears it; returns the bytes written.</summary>
    private static long Emit(PipeWriter output, StringBuilder line)
    {
        line.Append("\r\n");
        long written = 0;
        foreach (var chunk in line.GetChunks())
        {
            written += Encoding.UTF8.GetBytes(chunk.Span, output);
        }

        line.Clear();
        return written;
    }
}
