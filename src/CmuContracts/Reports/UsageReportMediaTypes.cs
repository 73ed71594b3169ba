using CmuContracts.AdobePass;

namespace CmuContracts.Reports;

/// <summary>The media types Adobe names for the CMU formats the library reads (<c>application/json</c>, <c>text/csv</c>).</summary>
internal static class UsageReportMediaTypes
{
    public static string Accept(ReportFormat format) => format == ReportFormat.Csv ? "text/csv" : "application/json";

    /// <summary>Whether an answer's content type is the format asked for. JSON also accepts any <c>+json</c> type.</summary>
    public static bool Matches(ReportFormat format, string? mediaType)
    {
        if (mediaType is null)
        {
            return false;
        }

        return format == ReportFormat.Csv
            ? string.Equals(mediaType, "text/csv", StringComparison.OrdinalIgnoreCase)
            : string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
              || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
