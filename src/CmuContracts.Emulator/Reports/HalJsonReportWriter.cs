using System.Globalization;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CmuContracts.Emulator.Reports;

/// <summary>
/// Streams <c>{"_links":{"self":{"href"},"roll-up":{"href"},"drill-down":{"href","name"}|[…]},"report":[{…}]}</c>
/// to the response body. Every record value is a JSON string, as in Adobe's examples.
/// </summary>
internal static class HalJsonReportWriter
{
    public const string ContentType = "application/json;charset=utf-8";

    /// <summary>Bytes buffered before they are handed to the connection: memory per answer stays this small.</summary>
    internal const int FlushBytes = 16 * 1024;

    // Relaxed escaping keeps '&' in hrefs literal, as the real service writes them (the body is not HTML).
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(PipeWriter output, ReportQuery query, ReportTable table, string selfHref, CancellationToken cancellationToken)
    {
        await using var w = new Utf8JsonWriter(output, Options);
        w.WriteStartObject();
        WriteLinks(w, query, selfHref);
        w.WriteStartArray("report");
        var names = table.Dimensions.Concat(table.Metrics).Select(c => JsonEncodedText.Encode(c, Options.Encoder)).ToArray();
        var digits = new char[20];
        for (var row = 0; row < table.RowCount; row++)
        {
            w.WriteStartObject();
            for (var column = 0; column < names.Length; column++)
            {
                table.GetCell(row, column, out var text, out var number);
                if (text is not null)
                {
                    w.WriteString(names[column], text);
                }
                else
                {
                    number.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
                    w.WriteString(names[column], digits.AsSpan(0, length));
                }
            }

            w.WriteEndObject();
            if (w.BytesPending >= FlushBytes)
            {
                w.Flush();
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteLinks(Utf8JsonWriter w, ReportQuery query, string selfHref)
    {
        w.WriteStartObject("_links");
        w.WriteStartObject("self");
        w.WriteString("href", selfHref);
        w.WriteEndObject();
        if (query.Node.RollUp is { } parent)
        {
            w.WriteStartObject("roll-up");
            w.WriteString("href", ReportLinks.PathHref(parent));
            if (parent != "/")
            {
                w.WriteString("name", ReportLinks.NameOf(parent));
            }

            w.WriteEndObject();
        }

        var children = query.Node.DrillDowns;
        if (children.Count == 1)
        {
            w.WritePropertyName("drill-down");
            WriteLink(w, children[0]);
        }
        else if (children.Count > 1)
        {
            w.WriteStartArray("drill-down");
            foreach (var child in children)
            {
                WriteLink(w, child);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteLink(Utf8JsonWriter w, string path)
    {
        w.WriteStartObject();
        w.WriteString("href", ReportLinks.PathHref(path));
        w.WriteString("name", ReportLinks.NameOf(path));
        w.WriteEndObject();
    }
}
