using System.Text.Json;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Reports;
using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

/// <summary>
/// The records of a drill-down add up exactly to the parent's records for every count that adds up (Adobe's event
/// counters and duration buckets); distinct counts lie between the largest child and the children's sum.
/// </summary>
public sealed class AggregationTests(SharedEmulatorFixture fixture) : IClassFixture<SharedEmulatorFixture>
{
    /// <summary>Counts of events inside the interval, from Adobe's definitions (duration buckets [I]).</summary>
    private static bool AddsUp(string metric) =>
        metric is "started-sessions" or "completed-sessions" or "failed-attempts" or "dismissed-sessions" or "killed-sessions"
        || metric.StartsWith("duration_", StringComparison.Ordinal);

    private async Task AssertDrillDownAsync(string parent, string child, string query)
    {
        using var p = await fixture.Client.ReportJsonAsync($"{parent}?{query}", fixture.Token);
        using var c = await fixture.Client.ReportJsonAsync($"{child}?{query}", fixture.Token);
        var parentDims = parent.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var childDim = child.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
        var parentRecords = ReportDoc.Records(p);
        var childRecords = ReportDoc.Records(c);
        Assert.NotEmpty(parentRecords);
        var metrics = parentRecords[0].EnumerateObject().Select(x => x.Name).Where(n => !parentDims.Contains(n)).ToArray();
        string Key(JsonElement r) => string.Join('|', parentDims.Select(d => r.GetProperty(d).GetString()));
        var groups = childRecords.GroupBy(Key).ToDictionary(g => g.Key, g => g.ToArray());
        Assert.Equal(parentRecords.Length, groups.Count);
        foreach (var record in parentRecords)
        {
            foreach (var metric in metrics)
            {
                var value = ReportDoc.Metric(record, metric);
                var children = groups[Key(record)];
                if (AddsUp(metric) || (metric == "active-sessions" && !Dimensions.IsTime(childDim)))
                {
                    // A session belongs to one tenant, application, MVPD, platform: active sessions add up across them.
                    Assert.Equal(value, ReportDoc.Sum(children, metric));
                }
                else
                {
                    Assert.InRange(value, children.Max(r => ReportDoc.Metric(r, metric)), ReportDoc.Sum(children, metric));
                }
            }
        }
    }

    [Theory]
    [InlineData("/", "/tenant", "")]
    [InlineData("/", "/mvpd", "")]
    [InlineData("/tenant", "/tenant/year", "")]
    [InlineData("/tenant/year/month", "/tenant/year/month/day", "start=2025-03&end=2025-05")]
    [InlineData("/tenant/year/month/day", "/tenant/year/month/day/mvpd", "start=2025-05-01&end=2025-05-05")]
    [InlineData("/tenant/year/month/day", "/tenant/year/month/day/hour", "start=2025-05-01&end=2025-05-03")]
    [InlineData("/tenant/year/month/day/hour", "/tenant/year/month/day/hour/minute", "start=2025-05-01T10&end=2025-05-01T13")]
    [InlineData("/tenant/year/month/day/channel", "/tenant/year/month/day/channel/platform", "start=2025-05-01&end=2025-05-03")]
    [InlineData("/year/month/day/hour", "/year/month/day/hour/mvpd", "start=2025-06-15&end=2025-06-16")]
    [InlineData("/year/month/day", "/year/month/day/tenant", "start=2025-05-01T06:30&end=2025-05-03T17:45")]
    public async Task DrillDownRecordsAddUpToTheParentAndDistinctCountsStayWithinTheirBounds(string parent, string child, string query) =>
        await AssertDrillDownAsync(parent, child, query);

    [Fact]
    public async Task RootCountsAreTheSumOfTheYearsAndItsActiveUsersAreFewer()
    {
        using var root = await fixture.Client.ReportJsonAsync("", fixture.Token);
        using var years = await fixture.Client.ReportJsonAsync("/year", fixture.Token);
        var total = ReportDoc.Records(root)[0];
        var byYear = ReportDoc.Records(years);

        Assert.True(byYear.Length >= 2, "the retention window spans several years");
        Assert.Equal(ReportDoc.Metric(total, "started-sessions"), ReportDoc.Sum(byYear, "started-sessions"));
        Assert.InRange(ReportDoc.Metric(total, "active-users"), byYear.Max(r => ReportDoc.Metric(r, "active-users")), ReportDoc.Sum(byYear, "active-users") - 1);
    }

    [Fact]
    public async Task PartialDaysSumToTheWholeDay()
    {
        using var whole = await fixture.Client.ReportJsonAsync("/year/month/day?start=2025-05-01&end=2025-05-02", fixture.Token);
        using var morning = await fixture.Client.ReportJsonAsync("/year/month/day?start=2025-05-01&end=2025-05-01T09:17", fixture.Token);
        using var rest = await fixture.Client.ReportJsonAsync("/year/month/day?start=2025-05-01T09:17&end=2025-05-02", fixture.Token);

        Assert.Equal(
            ReportDoc.Metric(ReportDoc.Records(whole)[0], "started-sessions"),
            ReportDoc.Metric(ReportDoc.Records(morning)[0], "started-sessions") + ReportDoc.Metric(ReportDoc.Records(rest)[0], "started-sessions"));
    }

    [Fact]
    public async Task HistogramLevelsSumToActiveUsers()
    {
        using var levels = await fixture.Client.ReportJsonAsync("/year/month/day/concurrency-level?start=2025-05-01&end=2025-05-02", fixture.Token);
        using var day = await fixture.Client.ReportJsonAsync("/year/month/day?start=2025-05-01&end=2025-05-02", fixture.Token);

        Assert.Equal(5, ReportDoc.Records(levels).Length);
        Assert.Equal(ReportDoc.Metric(ReportDoc.Records(day)[0], "active-users"), ReportDoc.Sum(ReportDoc.Records(levels), "users"));
    }

    [Fact]
    public async Task SameSeedGivesTheSameDataAndAnotherSeedDiffers()
    {
        const string query = "/tenant/year/month/day?start=2025-05-01&end=2025-05-03";
        var sameOptions = SharedEmulatorFixture.Options();
        var otherOptions = SharedEmulatorFixture.Options();
        otherOptions.Seed = 7;
        await using var same = await AdobePassEmulator.StartAsync(sameOptions);
        await using var other = await AdobePassEmulator.StartAsync(otherOptions);
        using var sameClient = new EmulatorClient(same);
        using var otherClient = new EmulatorClient(other);

        using var a = await fixture.Client.ReportJsonAsync(query, fixture.Token);
        using var b = await sameClient.ReportJsonAsync(query, await sameClient.AccessTokenAsync());
        using var c = await otherClient.ReportJsonAsync(query, await otherClient.AccessTokenAsync());

        Assert.Equal(a.RootElement.GetProperty("report").GetRawText(), b.RootElement.GetProperty("report").GetRawText());
        Assert.NotEqual(a.RootElement.GetProperty("report").GetRawText(), c.RootElement.GetProperty("report").GetRawText());
    }

    [Fact]
    public async Task DataHasSeveralTenantsApplicationsChannelsMvpdsAndPlatforms()
    {
        using var doc = await fixture.Client.ReportJsonAsync("/tenant/year/month/channel/platform/application-id/application?start=2025-05&end=2025-06&limit=100000", fixture.Token);
        var records = ReportDoc.Records(doc);

        Assert.True(records.Select(r => r.GetProperty("tenant").GetString()).Distinct().Count() >= 3);
        Assert.True(records.Select(r => r.GetProperty("application-id").GetString()).Distinct().Count() >= 6);
        Assert.All(records, r => Assert.True(Guid.TryParse(r.GetProperty("application-id").GetString(), out _)));
        Assert.Contains(records, r => r.GetProperty("channel").GetString() == "Unknown");
        Assert.True(records.Select(r => r.GetProperty("platform").GetString()).Distinct().Count() >= 4);
        // Every metric the spec declares but the histograms' users, in the spec's order, after the seven dimensions.
        Assert.Equal(ReportTree.FromEmbeddedSpec().Vocabulary.Metrics.Where(m => m != Metrics.Users), records[0].EnumerateObject().Skip(7).Select(p => p.Name));
    }
}
