using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Text;

namespace CmuContracts.Emulator.Reports;

/// <summary>
/// HTML, which Adobe documents "for demo purposes" without showing it [D]: a page with the links (roll-up,
/// drill-down) as anchors and the report as a table whose header row is the CSV header [I].
/// </summary>
internal static class HtmlReportWriter
{
    public const string ContentType = "text/html;charset=utf-8";

    public static async Task WriteAsync(PipeWriter output, ReportQuery query, ReportTable table, string selfHref, CancellationToken cancellationToken)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>CMU ").Append(Enc(query.Node.Path)).Append("</title></head><body>\n");
        sb.Append("<p><a rel=\"self\" href=\"").Append(Enc(selfHref)).Append("\">").Append(Enc(selfHref)).Append("</a></p>\n<ul>\n");
        if (query.Node.RollUp is { } parent)
        {
            Link(sb, "roll-up", parent);
        }

        foreach (var child in query.Node.DrillDowns)
        {
            Link(sb, "drill-down", child);
        }

        sb.Append("</ul>\n<table>\n<tr>");
        foreach (var name in table.Dimensions.Concat(table.Metrics))
        {
            sb.Append("<th>").Append(Enc(name)).Append("</th>");
        }

        sb.Append("</tr>\n");
        for (var row = 0; row < table.RowCount; row++)
        {
            sb.Append("<tr>");
            for (var column = 0; column < table.ColumnCount; column++)
            {
                table.GetCell(row, column, out var text, out var number);
                sb.Append("<td>").Append(Enc(text ?? number.ToString(CultureInfo.InvariantCulture))).Append("</td>");
            }

            sb.Append("</tr>\n");
            if (sb.Length >= HalJsonReportWriter.FlushBytes)
            {
                await FlushAsync(output, sb, cancellationToken).ConfigureAwait(false);
            }
        }

        sb.Append("</table>\n</body></html>\n");
        await FlushAsync(output, sb, cancellationToken).ConfigureAwait(false);
    }

    private static void Link(StringBuilder sb, string rel, string path) =>
        sb.Append("<li><a rel=\"").Append(rel).Append("\" href=\"").Append(Enc(ReportLinks.PathHref(path))).Append("\">")
            .Append(rel).Append(": ").Append(Enc(ReportLinks.NameOf(path))).Append("</a></li>\n");

    private static string Enc(string text) => WebUtility.HtmlEncode(text);

    private static async Task FlushAsync(PipeWriter output, StringBuilder sb, CancellationToken cancellationToken)
    {
        foreach (var chunk in sb.GetChunks())
        {
            Encoding.UTF8.GetBytes(chunk.Span, output);
        }

        sb.Clear();
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
