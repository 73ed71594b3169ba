using System.Globalization;
using System.Text.Json;

namespace CmuContracts.Emulator.Tests.Infrastructure;

/// <summary>Reading report documents.</summary>
public static class ReportDoc
{
    public static JsonElement[] Records(JsonDocument doc) => [.. doc.RootElement.GetProperty("report").EnumerateArray()];

    public static long Metric(JsonElement record, string name) =>
        long.Parse(record.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    public static long Sum(IEnumerable<JsonElement> records, string metric) => records.Sum(r => Metric(r, metric));

    public static string Self(JsonDocument doc) => doc.RootElement.GetProperty("_links").GetProperty("self").GetProperty("href").GetString()!;

    public static string[] DrillDownNames(JsonDocument doc)
    {
        if (!doc.RootElement.GetProperty("_links").TryGetProperty("drill-down", out var links))
        {
            return [];
        }

        return links.ValueKind == JsonValueKind.Array
            ? [.. links.EnumerateArray().Select(l => l.GetProperty("name").GetString()!)]
            : [links.GetProperty("name").GetString()!];
    }
}
