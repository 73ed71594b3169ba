using CmuContracts.AdobePass;
using CmuContracts.Reports;

namespace CmuContracts.Tests.Reports;

/// <summary>Drill-down and roll-up follow the report's HAL links, keeping the query's range, filters, metrics and limit.</summary>
public sealed class UsageReportNavigationTests
{
    [Fact]
    public async Task DrillingDownByNameAndRollingUpFollowTheLinksWithTheSameParameters()
    {
        await using var test = await ReportsTestHost.StartAsync();
        var start = ReportsTestHost.DaysAgo(2);
        var root = await test.Reports.GetReportAsync(UsageReportQuery.Root.Between(start, start.AddDays(1)).WhereNot("platform", "Roku").WithLimit(500));

        Assert.Equal(["mvpd", "tenant", "year"], root.DrillDownDimensions);
        Assert.Null(root.RollUp);
        var tenant = await root.DrillDownAsync("tenant");
        var year = await tenant.DrillDownAsync("year");
        var month = await year.DrillDownAsync("month");
        var day = await month.DrillDownAsync("day");
        var back = await day.RollUpAsync();

        Assert.Equal("/tenant/year/month/day", day.Query!.Path);
        Assert.Equal(["application-id", "channel", "hour", "mvpd"], day.DrillDownDimensions);
        Assert.Equal("/cmu/v2/tenant/year/month/day", day.DrillDowns.Single(l => l.Name == "hour").Href[..^"/hour".Length]);
        Assert.Equal("/tenant/year/month", back.Query!.Path);
        Assert.Equal(month.Records.Select(r => r.ToString()), back.Records.Select(r => r.ToString()));
        var calls = test.Wire.Calls;
        Assert.Equal(["/cmu/v2/", "/cmu/v2/tenant", "/cmu/v2/tenant/year", "/cmu/v2/tenant/year/month", "/cmu/v2/tenant/year/month/day", "/cmu/v2/tenant/year/month"], calls.Select(c => c.Path));
        Assert.All(calls, c => Assert.Equal(calls[0].Query, c.Query));
        Assert.EndsWith("&limit=500&platform!=Roku", calls[0].Query, StringComparison.Ordinal);

        // The range came along: the day rows of the one-day window sum to its year rows (the root ignores ranges).
        Assert.Equal(3, day.Records.Count);
        Assert.Equal(year.Records.Sum(r => r.GetMetric(ReportMetric.StartedSessions)), day.Records.Sum(r => r.GetMetric(ReportMetric.StartedSessions)));
    }

    [Fact]
    public async Task DrillingDownByADimensionTheReportHasNoLinkForListsTheLinksItHas()
    {
        await using var test = await ReportsTestHost.StartAsync();
        var tenant = await test.Reports.GetReportAsync(UsageReportQuery.For("tenant"));
        var sent = test.Wire.Calls.Count;

        var ex = await Assert.ThrowsAsync<UsageReportPathException>(() => tenant.DrillDownAsync("hour"));
        var root = await tenant.RollUpAsync();
        var noRollUp = Assert.Throws<InvalidOperationException>(() => root.RollUpQuery());

        Assert.Equal("'/tenant/hour' is not a CMU report path: 'hour' cannot follow '/tenant'; valid next dimensions after '/tenant': year.", ex.Message.Split(" (Parameter")[0]);
        Assert.Equal(sent + 1, test.Wire.Calls.Count); // the roll-up only
        Assert.Contains("no roll-up link", noRollUp.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReportNavigatesThroughWhateverIUsageReportsItWasGiven()
    {
        var fake = new RecordingReports();
        var links = new[] { new UsageReportLink("year", "/cmu/v2/tenant/year", ["tenant", "year"]) };
        var report = new UsageReport(UsageReportQuery.For("tenant").Where("mvpd", "Dish"), [], null, new UsageReportLink("", "/cmu/v2", []), links, fake);

        await report.DrillDownAsync("year");
        await report.RollUpAsync();

        Assert.Equal(["/tenant/year?mvpd=Dish", "/?mvpd=Dish"], fake.Queries.Select(q => q.ToString()));
    }

    private sealed class RecordingReports : IUsageReports
    {
        public List<UsageReportQuery> Queries { get; } = [];

        public Task<UsageReport> GetReportAsync(UsageReportQuery query, CancellationToken cancellationToken = default)
        {
            Queries.Add(query);
            return Task.FromResult(new UsageReport(query, [], null, null, [], this));
        }

        public UsageRecords GetRecordsAsync(UsageReportQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<UsageReportCoverage> CopyCsvAsync(UsageReportQuery query, Stream destination, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
