using System.Globalization;
using System.Text.Json;

namespace CmuContracts.Cli.Reports;

/// <summary>
/// <c>--format json</c>: <c>{"path":…,"columns":[…],"records":[{…}]}</c>; dimension values as strings, metric values
/// as numbers (CMU sends every value as a string).
/// </summary>
internal static class ReportJsonWriter
{
    public static async Task WriteAsync(Stream destination, ReportData data, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("path", data.Path);
        writer.WriteStartArray("columns");
        foreach (var column in data.Columns)
        {
            writer.WriteStringValue(column);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("records");
        foreach (var row in data.Rows)
        {
            writer.WriteStartObject();
            for (var i = 0; i < data.Columns.Count && i < row.Length; i++)
            {
                if (data.IsMetric(i) && long.TryParse(row[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                {
                    writer.WriteNumber(data.Columns[i], number);
                }
                else
                {
                    writer.WriteString(data.Columns[i], row[i]);
                }
            }

            writer.WriteEndObject();
            if (writer.BytesPending > 16 * 1024)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        destination.WriteByte((byte)'\n');
    }
}
