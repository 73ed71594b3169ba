using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Xml;

namespace CmuContracts.Emulator.Reports;

/// <summary>
/// Streams HAL XML in the shape of Adobe's documented example (<c>cmu-api.md</c>, "XML"):
/// <c>&lt;resource href="self"&gt;&lt;links&gt;&lt;link rel="roll-up|drill-down" href="…"/&gt;&lt;/links&gt;&lt;report&gt;&lt;record dim="…" metric="…"/&gt;&lt;/report&gt;&lt;/resource&gt;</c>.
/// The self link is the resource's <c>href</c>; links carry <c>rel</c> and <c>href</c> only, as in the example.
/// </summary>
internal static class XmlReportWriter
{
    public const string ContentType = "application/xml;charset=utf-8";

    private static readonly XmlWriterSettings Settings = new()
    {
        Async = true,
        Encoding = new UTF8Encoding(false),
        OmitXmlDeclaration = false,
        CloseOutput = false,
    };

    public static async Task WriteAsync(PipeWriter output, ReportQuery query, ReportTable table, string selfHref, CancellationToken cancellationToken)
    {
        var stream = output.AsStream(leaveOpen: true);
        await using (stream.ConfigureAwait(false))
        {
            await using var w = XmlWriter.Create(stream, Settings);
            await w.WriteStartDocumentAsync().ConfigureAwait(false);
            w.WriteStartElement("resource");
            w.WriteAttributeString("href", selfHref);
            w.WriteStartElement("links");
            if (query.Node.RollUp is { } parent)
            {
                WriteLink(w, "roll-up", parent);
            }

            foreach (var child in query.Node.DrillDowns)
            {
                WriteLink(w, "drill-down", child);
            }

            w.WriteEndElement();
            w.WriteStartElement("report");
            var names = table.Dimensions.Concat(table.Metrics).ToArray();
            for (var row = 0; row < table.RowCount; row++)
            {
                w.WriteStartElement("record");
                for (var column = 0; column < names.Length; column++)
                {
                    table.GetCell(row, column, out var text, out var number);
                    w.WriteAttributeString(names[column], text ?? number.ToString(CultureInfo.InvariantCulture));
                }

                w.WriteEndElement();
                if (row % 256 == 255)
                {
                    await w.FlushAsync().ConfigureAwait(false);
                    await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            w.WriteEndElement();
            w.WriteEndElement();
            await w.WriteEndDocumentAsync().ConfigureAwait(false);
            await w.FlushAsync().ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteLink(XmlWriter w, string rel, string path)
    {
        w.WriteStartElement("link");
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", ReportLinks.PathHref(path));
        w.WriteEndElement();
    }
}
