using System.Globalization;
using CmuContracts.AdobePass;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// A small report with a fixed answer: one past day by tenant. (<c>/tenant</c> always covers the retention
/// window up to now, so its figures move every minute and a repeat cannot be compared.)
/// </summary>
internal static class DayReport
{
    public const string Endpoint = "GET /cmu/v2/tenant/year/month/day";

    private static readonly DateTime Day = DateTime.UtcNow.Date.AddDays(-2);

    public static Task<UsageReport> GetAsync(IUsageReportsClient reports, CancellationToken cancellationToken = default) => reports.GetTenantYearMonthDayAsync(
        start: Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        end: Day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        cancellationToken: cancellationToken);
}
