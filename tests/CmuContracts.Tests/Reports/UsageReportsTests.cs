using CmuContracts.AdobePass;
using CmuContracts.Reports;
using Refit;

namespace CmuContracts.Tests.Reports;

/// <summary>Typed queries against the emulator over loopback HTTP, through AddCmuClient's authenticated pipeline.</summary>
public sealed class UsageReportsTests
{
    [Fact]
    public async Task ATimeRangeMetricsAndLimitReachTheWireAndShapeTheRecords()
    {
        await using var test = await ReportsTestHost.StartAsync();
        var start = ReportsTestHost.DaysAgo(3);
        var query = UsageReportQuery.For("tenant", "year", "month", "day")
            .Between(start, start.AddDays(2))
            .WithMetrics(ReportMetric.ActiveUsers, ReportMetric.StartedSessions)
            .WithLimit(100);

        var report = await test.Reports.GetReportAsync(query);

        var iso = (DateTimeOffset t) => Uri.EscapeDataString(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("/cmu/v2/tenant/year/month/day", test.Wire.Last.Path);
        Assert.Equal($"?start={iso(start)}&end={iso(start.AddDays(2))}&format=json&limit=100&metrics=active-users,started-sessions", test.Wire.Last.Query);
        Assert.Equal("Bearer", test.Wire.Last.AuthorizationScheme);
        Assert.Equal(6, report.Records.Count); // 3 tenants x 2 days
        Assert.All(report.Records, r =>
        {
            Assert.Equal(["tenant", "year", "month", "day"], r.Dimensions.Keys);
            Assert.Equal(["active-users", "started-sessions"], r.Metrics.Keys);
            Assert.InRange(r.PeriodStart!.Value, start, start.AddDays(1));
            Assert.True(r.GetMetric(ReportMetric.StartedSessions) > 0);
        });
        Assert.Contains("limit=100", report.SelfLink, StringComparison.Ordinal);
        Assert.Equal(1, test.Emulator.Stats.Registrations);
        Assert.Equal(1, test.Emulator.Stats.TokensIssued);
    }

    [Fact]
    public async Task AnINFilterKeepsOnlyItsValues()
    {
        await using var test = await ReportsTestHost.StartAsync();

        var report = await test.Reports.GetReportAsync(UsageReportQuery.For("tenant").Where("tenant", "Acme", "Globex"));

        Assert.Equal("?format=json&tenant=Acme&tenant=Globex", test.Wire.Last.Query);
        Assert.Equal(["Acme", "Globex"], report.Records.Select(r => r.GetDimension("tenant")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ANOTINFilterIsSentAsDimensionBangEqualsAndDropsItsValues()
    {
        await using var test = await ReportsTestHost.StartAsync();
        var all = await test.Reports.GetReportAsync(UsageReportQuery.For("mvpd"));

        var report = await test.Reports.GetReportAsync(UsageReportQuery.For("mvpd").WhereNot("mvpd", "Dish", "DTV"));

        Assert.Equal("?format=json&mvpd!=Dish&mvpd!=DTV", test.Wire.Last.Query);
        Assert.Contains("mvpd!=Dish&mvpd!=DTV", report.SelfLink, StringComparison.Ordinal);
        var kept = all.Records.Select(r => r.GetDimension("mvpd")!).Except(["Dish", "DTV"]).Order(StringComparer.Ordinal);
        Assert.Equal(3, kept.Count());
        Assert.Equal(kept, report.Records.Select(r => r.GetDimension("mvpd")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ANOTINFilterOnADimensionBelowThePathChangesTheTotals()
    {
        await using var test = await ReportsTestHost.StartAsync();
        // Past days: a window that ends now would grow between the three requests.
        var days = UsageReportQuery.For("tenant", "year", "month", "day").Between(ReportsTestHost.DaysAgo(3), ReportsTestHost.DaysAgo(1));
        var all = await test.Reports.GetReportAsync(days);
        var roku = await test.Reports.GetReportAsync(days.Where("platform", "Roku"));

        var notRoku = await test.Reports.GetReportAsync(days.WhereNot("platform", "Roku"));

        Assert.EndsWith("&platform!=Roku", test.Wire.Last.Query, StringComparison.Ordinal);
        Assert.Equal(6, all.Records.Count);
        foreach (var row in all.Records)
        {
            var key = (row.GetDimension("tenant"), row.GetDimension("day"));
            var rokuSessions = roku.Records.Single(r => (r.GetDimension("tenant"), r.GetDimension("day")) == key).GetMetric(ReportMetric.StartedSessions);
            var otherSessions = notRoku.Records.Single(r => (r.GetDimension("tenant"), r.GetDimension("day")) == key).GetMetric(ReportMetric.StartedSessions);
            Assert.True(rokuSessions > 0 && otherSessions > 0);
            Assert.Equal(row.GetMetric(ReportMetric.StartedSessions), rokuSessions + otherSessions);
        }
    }

    [Fact]
    public async Task ABareDimensionIsSentWithoutAValueAndJoinsTheProjection()
    {
        await using var test = await ReportsTestHost.StartAsync();

        var report = await test.Reports.GetReportAsync(UsageReportQuery.For("tenant").IncludeDimension("mvpd"));

        Assert.Equal("?format=json&mvpd", test.Wire.Last.Query);
        Assert.Equal(15, report.Records.Count); // 3 tenants x 5 MVPDs
        Assert.All(report.Records, r => Assert.Equal(["tenant", "mvpd"], r.Dimensions.Keys));
    }

    [Fact]
    public async Task APathOutsideTheTreeFailsBeforeAnyRequest()
    {
        await using var test = await ReportsTestHost.StartAsync();

        var ex = Assert.Throws<UsageReportPathException>(() => UsageReportQuery.Parse("/mvpd/tenant"));

        Assert.Contains("valid next dimensions after '/mvpd': year.", ex.Message, StringComparison.Ordinal);
        Assert.Empty(test.Emulator.Stats.Requests);
    }

    [Fact]
    public async Task RecordsStreamAsTheReportHasThemWithTypedMetrics()
    {
        await using var test = await ReportsTestHost.StartAsync();
        var query = UsageReportQuery.For("year", "month", "day", "mvpd").Between(ReportsTestHost.DaysAgo(5), ReportsTestHost.DaysAgo(1));
        var report = await test.Reports.GetReportAsync(query);

        var records = new List<UsageRecord>();
        await foreach (var record in test.Reports.GetRecordsAsync(query))
        {
            records.Add(record);
        }

        Assert.Equal(20, records.Count); // 4 days x 5 MVPDs
        Assert.Equal(report.Records.Select(r => r.ToString()), records.Select(r => r.ToString()));
        var root = await test.Reports.GetReportAsync(UsageReportQuery.Root.Between(ReportsTestHost.DaysAgo(5), ReportsTestHost.DaysAgo(1)));
        var byYear = await test.Reports.GetReportAsync(UsageReportQuery.For("year", "month", "day").Between(ReportsTestHost.DaysAgo(5), ReportsTestHost.DaysAgo(1)));
        Assert.Equal(byYear.Records.Sum(r => r.GetMetric(ReportMetric.StartedSessions)), records.Sum(r => r.GetMetric(ReportMetric.StartedSessions)));
        Assert.Single(root.Records);
    }

    [Fact]
    public async Task AServerRefusalIsACmuServiceExceptionWithTheStatusReasonAndOperation()
    {
        await using var test = await ReportsTestHost.StartAsync();
        // platform is in no path below the concurrency histogram: the tree allows the query, CMU refuses the filter.
        var query = UsageReportQuery.For("year", "month", "concurrency-level").Where("platform", "Roku");

        var ex = await Assert.ThrowsAsync<CmuServiceException>(() => test.Reports.GetReportAsync(query));
        var records = await Assert.ThrowsAsync<CmuServiceException>(async () => { await foreach (var _ in test.Reports.GetRecordsAsync(query)) { } });

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal(400, records.StatusCode);
        Assert.Equal("getYearMonthConcurrencyLevel", ex.OperationId);
        Assert.Contains("platform", ex.Message, StringComparison.Ordinal);
        Assert.Contains("platform", Assert.IsType<ApiException>(ex.InnerException).Content, StringComparison.Ordinal);
        Assert.NotNull(ex.Remedy);
        await test.Host.AssertNoSecretsAsync(ex.ToString(), records.ToString(), query.ToString());
    }
}
