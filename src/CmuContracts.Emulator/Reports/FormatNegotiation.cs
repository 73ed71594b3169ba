using Microsoft.Net.Http.Headers;

namespace CmuContracts.Emulator.Reports;

/// <summary>Report formats CMU documents: JSON (default), XML, CSV, HTML (for demos).</summary>
internal enum ReportFormat
{
    Json,
    Xml,
    Csv,
    Html,
}

/// <summary>
/// Picks the response format as Adobe documents it: path extension first, then <c>format=</c>, then <c>Accept</c>;
/// JSON when none of them asks; 406 (null) for a type CMU does not produce.
/// </summary>
internal static class FormatNegotiation
{
    public static readonly string[] Extensions = ["json", "xml", "csv", "html"];

    public static ReportFormat? Choose(string? extension, string? format, string? accept)
    {
        if ((extension ?? format) is { } explicitFormat)
        {
            return explicitFormat switch
            {
                "json" => ReportFormat.Json,
                "xml" => ReportFormat.Xml,
                "csv" => ReportFormat.Csv,
                "html" => ReportFormat.Html,
                _ => null,
            };
        }

        if (string.IsNullOrWhiteSpace(accept) || !MediaTypeHeaderValue.TryParseList([accept], out var types))
        {
            return ReportFormat.Json;
        }

        // The first acceptable type by quality, in the client's order for equal qualities (a stable sort).
        foreach (var type in types.Where(t => (t.Quality ?? 1) > 0).OrderByDescending(t => t.Quality ?? 1))
        {
            switch (type.MediaType.Value?.ToLowerInvariant())
            {
                case "application/json":
                case "application/*":
                case "*/*":
                    return ReportFormat.Json;
                case "application/xml":
                case "text/xml":
                    return ReportFormat.Xml;
                case "text/csv":
                case "text/*":
                    return ReportFormat.Csv;
                case "text/html":
                    return ReportFormat.Html;
            }
        }

        return null;
    }
}
