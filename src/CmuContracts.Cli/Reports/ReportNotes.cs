using System.Globalization;
using CmuContracts.AdobePass;
using CmuContracts.Reports;

namespace CmuContracts.Cli.Reports;

/// <summary>
/// Hints about a report query that CMU answers without complaint but maybe not as expected: a start older than
/// Adobe's retention, and minute reports, which Adobe enables per customer. They are notices (hidden by --quiet):
/// the report itself is still what CMU sent.
/// </summary>
internal static class ReportNotes
{
    /// <summary>Adobe keeps CM data for 25 months by default.</summary>
    public const int RetentionMonths = 25;

    public static IEnumerable<string> For(UsageReportQuery query, TimeProvider clock)
    {
        var retained = clock.GetUtcNow().AddMonths(-RetentionMonths);
        if (query.Start is { } start && start < retained)
        {
            yield return $"--start {Day(start)} is older than Adobe's {RetentionMonths}-month data retention (data before about {Day(retained)} is normally deleted): the report may be empty or start later";
        }

        if (query.Dimensions.Contains(ReportDimension.Minute.Value))
        {
            yield return "minute reports are off by default and enabled by Adobe on request (tve-support@adobe.com): if this one fails, ask for them";
        }
    }

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
