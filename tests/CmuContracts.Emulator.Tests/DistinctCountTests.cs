using System.Text.Json;
using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

/// <summary>
/// Adobe defines active-users as distinct accounts and active-sessions as sessions active in the interval: a coarser
/// bucket is a distinct count, at most the sum of its finer buckets and usually well below it, at least their largest.
/// </summary>
public sealed class DistinctCountTests(SharedEmulatorFixture fixture) : IClassFixture<SharedEmulatorFixture>
{
    [Fact]
    public async Task AMonthsActiveUsersIsWellBelowTheSumOfItsDaysAndAtLeastItsLargestDay()
    {
        var (months, days) = await CoarseAndFineAsync("/tenant/year/month", "/tenant/year/month/day", "start=2025-05&end=2025-06", "tenant");

        Assert.Equal(3, months.Length);
        foreach (var month in months)
        {
            var its = days[Get(month, "tenant")];
            Assert.Equal(31, its.Length);
            var users = ReportDoc.Metric(month, "active-users");
            Assert.True(users < ReportDoc.Sum(its, "active-users") * 3 / 4, $"{users} active users in the month, {ReportDoc.Sum(its, "active-users")} summed over its days");
            Assert.True(users >= its.Max(d => ReportDoc.Metric(d, "active-users")));
            Assert.Equal(ReportDoc.Metric(month, "started-sessions"), ReportDoc.Sum(its, "started-sessions"));
            Assert.Equal(ReportDoc.Metric(month, "completed-sessions"), ReportDoc.Sum(its, "completed-sessions"));
            Assert.Equal(ReportDoc.Metric(month, "duration_0-15"), ReportDoc.Sum(its, "duration_0-15"));
        }
    }

    [Fact]
    public async Task ADaysActiveUsersIsBelowTheSumOfItsHours()
    {
        var (days, hours) = await CoarseAndFineAsync("/tenant/year/month/day", "/tenant/year/month/day/hour", "start=2025-05-07&end=2025-05-08", "tenant");

        foreach (var day in days)
        {
            var its = hours[Get(day, "tenant")];
            Assert.Equal(24, its.Length);
            Assert.InRange(ReportDoc.Metric(day, "active-users"), its.Max(h => ReportDoc.Metric(h, "active-users")), ReportDoc.Sum(its, "active-users") - 1);
            Assert.Equal(ReportDoc.Metric(day, "failed-attempts"), ReportDoc.Sum(its, "failed-attempts"));
        }
    }

    [Fact]
    public async Task ATenantsActiveUsersIsBelowTheSumOfItsPlatformsWhileItsActiveSessionsAddUp()
    {
        var (tenants, platforms) = await CoarseAndFineAsync("/tenant/year/month/day", "/tenant/year/month/day?platform", "start=2025-05-07&end=2025-05-08", "tenant");

        foreach (var tenant in tenants)
        {
            var its = platforms[Get(tenant, "tenant")];
            Assert.Equal(4, its.Length);
            Assert.InRange(ReportDoc.Metric(tenant, "active-users"), its.Max(p => ReportDoc.Metric(p, "active-users")), ReportDoc.Sum(its, "active-users") - 1);
            Assert.Equal(ReportDoc.Metric(tenant, "active-sessions"), ReportDoc.Sum(its, "active-sessions"));
        }
    }

    [Fact]
    public async Task AMonthsActiveSessionsIsBelowTheSumOfItsDaysAndAtLeastItsSessionsStarted()
    {
        var (months, days) = await CoarseAndFineAsync("/tenant/year/month", "/tenant/year/month/day", "start=2025-04&end=2025-05", "tenant");

        foreach (var month in months)
        {
            var its = days[Get(month, "tenant")];
            var sessions = ReportDoc.Metric(month, "active-sessions");
            Assert.InRange(sessions, its.Max(d => ReportDoc.Metric(d, "active-sessions")), ReportDoc.Sum(its, "active-sessions") - 1);
            Assert.True(sessions >= ReportDoc.Metric(month, "started-sessions"), "every session started in the month was active in it");
        }
    }

    [Fact]
    public async Task AMonthsHistogramUsersAreFewerThanItsDaysAndStillPartitionItsActiveUsers()
    {
        using var month = await fixture.Client.ReportJsonAsync("/year/month/concurrency-level?start=2025-05&end=2025-06", fixture.Token);
        using var days = await fixture.Client.ReportJsonAsync("/year/month/day/concurrency-level?start=2025-05&end=2025-06", fixture.Token);
        using var total = await fixture.Client.ReportJsonAsync("/year/month?start=2025-05&end=2025-06", fixture.Token);

        var monthUsers = ReportDoc.Sum(ReportDoc.Records(month), "users");
        Assert.Equal(ReportDoc.Metric(ReportDoc.Records(total)[0], "active-users"), monthUsers);
        Assert.True(monthUsers < ReportDoc.Sum(ReportDoc.Records(days), "users"));
    }

    [Fact]
    public async Task ADaysDistinctCountsAreTheSameInAOneDayWindowAndInAMonthWindow()
    {
        // What lets a client fetch a report in windows cut at bucket boundaries and get every row unchanged.
        using var alone = await fixture.Client.ReportJsonAsync("/tenant/year/month/day?start=2025-05-10&end=2025-05-11", fixture.Token);
        using var month = await fixture.Client.ReportJsonAsync("/tenant/year/month/day?start=2025-05-01&end=2025-06-01", fixture.Token);

        var inMonth = ReportDoc.Records(month).Where(r => Get(r, "day") == "10").Select(r => r.GetRawText());
        Assert.Equal(ReportDoc.Records(alone).Select(r => r.GetRawText()), inMonth);
    }

    private async Task<(JsonElement[] Coarse, Dictionary<string, JsonElement[]> FineByKey)> CoarseAndFineAsync(string coarse, string fine, string query, string key)
    {
        var separator = fine.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var c = await fixture.Client.ReportJsonAsync($"{coarse}?{query}", fixture.Token);
        using var f = await fixture.Client.ReportJsonAsync($"{fine}{separator}{query}", fixture.Token);
        var fineRecords = ReportDoc.Records(f).Select(r => r.Clone());
        return ([.. ReportDoc.Records(c).Select(r => r.Clone())], fineRecords.GroupBy(r => Get(r, key)).ToDictionary(g => g.Key, g => g.ToArray()));
    }

    private static string Get(JsonElement record, string name) => record.GetProperty(name).GetString()!;
}
