using System.Globalization;
using System.Text.Json;
using CmuContracts.Reports;

namespace CmuContracts.Cli.Reports;

/// <summary>
/// <c>--format json</c>: <c>{"path":…,"truncated":…,"coverage":{…},"columns":[…],"records":[{…}]}</c>; dimension values
/// as strings, metric values as numbers (CMU sends every value as a string). <c>coverage</c> is what the records cover:
/// <c>path</c>, <c>start</c> and <c>end</c> (ISO-8601 UTC, end exclusive) and <c>limit</c> (rows per request) as the
/// server applied them, and <c>windows</c>, the number of time windows fetched; <c>truncated</c> is true when the
/// records stop at <c>--limit</c> and the report may have more.
/// </summary>
internal static class ReportJsonWriter
{
    public static async Task WriteAsync(Stream destination, ReportData data, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("path", data.Path);
        writer.WriteBoolean("truncated", data.Coverage?.IsTruncated == true);
        WriteCoverage(writer, data.Coverage);
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

    private static void WriteCoverage(Utf8JsonWriter writer, UsageReportCoverage? coverage)
    {
        if (coverage is null)
        {
            writer.WriteNull("coverage");
            return;
        }

        writer.WriteStartObject("coverage");
        writer.WriteString("path", coverage.Path);
        WriteTime("start", coverage.Start);
        WriteTime("end", coverage.End);
        writer.WriteNumber("limit", coverage.Limit);
        writer.WriteNumber("windows", coverage.Windows);
        writer.WriteEndObject();

        void WriteTime(string name, DateTimeOffset? time)
        {
            if (CoverageText.Iso(time) is { } iso)
            {
                writer.WriteString(name, iso);
            }
            else
            {
                writer.WriteNull(name);
            }
        }
    }
}
