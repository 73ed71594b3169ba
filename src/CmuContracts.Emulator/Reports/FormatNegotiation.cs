using Microsoft.Net.Http.Headers;

namespace CmuContracts.Emulator.Reports;

/// <summary>Report formats the emulator can write.</summary>
internal enum ReportFormat
{
    Json,
    Csv,
}

/// <summary>
/// Picks the response format: path extension first, then <c>format=</c>, then <c>Accept</c>; JSON by default.
/// XML and HTML are documented but not emulated, so they (and any other media type) get 406.
/// </summary>
internal static class FormatNegotiation
{
    public static readonly string[] Extensions = ["json", "xml", "csv", "html"];

    public static ReportFormat? Choose(string? extension, string? format, string? accept)
    {
        if ((extension ?? format) is { } explicitFormat)
        {
            return explicitFormat switch { "json" => ReportFormat.Json, "csv" => ReportFormat.Csv, _ => null };
        }

        if (string.IsNullOrWhiteSpace(accept) || !MediaTypeHeaderValue.TryParseList([accept], out var types))
        {
            return ReportFormat.Json;
        }

        foreach (var type in types.Where(t => (t.Quality ?? 1) > 0).OrderByDescending(t => t.Quality ?? 1))
        {
            switch (type.MediaType.Value?.ToLowerInvariant())
            {
                case "application/json":
                case "application/hal+json":
                case "application/*":
                case "*/*":
                    return ReportFormat.Json;
                case "text/csv":
                case "text/*":
                    return ReportFormat.Csv;
            }
        }

        return null;
    }
}
