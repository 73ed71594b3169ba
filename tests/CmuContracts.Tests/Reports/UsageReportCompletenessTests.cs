using CmuContracts.AdobePass;
using CmuContracts.Reports;

namespace CmuContracts.Tests.Reports;

/// <summary>A report with more rows than the server's limit arrives whole, in the server's order, never silently cut.</summary>
public sealed class UsageReportCompletenessTests
{
    [Fact]
    public async Task AReportLargerThanTheLimitArrivesCompleteInTheServersOrder()
    {
        await using var test = await ReportsTestHost.StartAsync();
        // 3 tenants x 39 days = 117 rows; the server stops at 20 per request.
        var days = UsageReportQuery.For("tenant", "year", "month", "day").Between(ReportsTestHost.DaysAgo(40), ReportsTestHost.DaysAgo(1));
        var whole = await test.Reports.GetReportAsync(days.WithLimit(1000));

        var report = await test.Reports.GetReportAsync(days.WithLimit(20));

        Assert.Equal(117, whole.Records.Count);
        Assert.Equal(whole.Records.Select(r => r.ToString()), report.Records.Select(r => r.ToString()));
        Assert.All(report.Records.Take(39), r => Assert.Equal("Acme", r.GetDimension("tenant"))); // tenant first, as one request
        Assert.False(report.IsTruncated);
        Assert.True(report.Coverage!.Windows > 1, report.Coverage.ToString());
        Assert.Equal((20, days.Start, days.End), (report.Coverage.Limit, report.Coverage.Start, report.Coverage.End));
        Assert.True(test.Wire.Calls.Count > 1 + report.Coverage.Windows, "the first answer was cut and fetched again in windows");
    }

    [Fact]
    public async Task ATimeFirstReportFetchedInWindowsIsTheSameAsTheSamePeriodFetchedDayByDay()
    {
        await using var test = await ReportsTestHost.StartAsync();
        // 5 MVPDs x 30 days = 150 rows, 40 per request.
        var start = ReportsTestHost.DaysAgo(31);
        var query = UsageReportQuery.For("year", "month", "day", "mvpd").Between(start, start.AddDays(30)).WithLimit(40);
        var dayByDay = new List<string>();
        for (var day = 0; day < 30; day++)
        {
            var one = await test.Reports.GetReportAsync(query.Between(start.AddDays(day), start.AddDays(day + 1)));
            dayByDay.AddRange(one.Records.Select(r => r.ToString()));
        }

        var report = await test.Reports.GetReportAsync(query);

        Assert.Equal(150, dayByDay.Count);
        Assert.Equal(dayByDay, report.Records.Select(r => r.ToString()));
        Assert.InRange(report.Coverage!.Windows, 4, 30);
    }

    [Fact]
    public async Task DistinctCountsOfAReportFetchedInWindowsAreTheServersOwn()
    {
        await using var test = await ReportsTestHost.StartAsync();
        // Month rows: a window cut at month boundaries leaves every month's distinct counts as the server computes them.
        var start = new DateTimeOffset(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-12);
        var query = UsageReportQuery.For("tenant", "year", "month").Between(start, start.AddMonths(12)).WithMetrics(ReportMetric.ActiveUsers, ReportMetric.ActiveSessions);
        var whole = await test.Reports.GetReportAsync(query);

        var windows = await test.Reports.GetReportAsync(query.WithLimit(7));

        Assert.Equal(36, whole.Records.Count);
        Assert.True(windows.Coverage!.Windows > 1);
        Assert.Equal(whole.Records.Select(r => r.ToString()), windows.Records.Select(r => r.ToString()));
    }
}
