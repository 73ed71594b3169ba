using System.Text.Json;

namespace CmuContracts.Emulator.Reports;

/// <summary>
/// Writes <c>{"_links":{"self":{"href"},"roll-up":{"href"},"drill-down":{"href","name"}|[…]},"report":[{…}]}</c>.
/// Every record value is a JSON string, as in Adobe's examples.
/// </summary>
internal static class HalJsonReportWriter
{
    public const string ContentType = "application/json;charset=utf-8";

    public const string HalContentType = "application/hal+json;charset=utf-8";

    public static byte[] Write(ReportQuery query, ReportResult result, string selfHref)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps '&' in hrefs literal, as the real service writes them (the body is not HTML).
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
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
            w.WriteStartArray("report");
            var columns = result.Dimensions.Concat(result.Metrics).ToArray();
            foreach (var row in result.Rows)
            {
                w.WriteStartObject();
                for (var i = 0; i < columns.Length; i++)
                {
                    w.WriteString(columns[i], row[i]);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteLink(Utf8JsonWriter w, string path)
    {
        w.WriteStartObject();
        w.WriteString("href", ReportLinks.PathHref(path));
        w.WriteString("name", ReportLinks.NameOf(path));
        w.WriteEndObject();
    }
}
