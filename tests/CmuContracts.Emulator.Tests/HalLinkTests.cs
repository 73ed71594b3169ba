using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

public sealed class HalLinkTests(SharedEmulatorFixture fixture) : IClassFixture<SharedEmulatorFixture>
{
    private const string SessionMetrics =
        "&metrics=active-users&metrics=active-sessions&metrics=started-sessions&metrics=completed-sessions" +
        "&metrics=failed-attempts&metrics=dismissed-sessions&metrics=killed-sessions";

    [Fact]
    public async Task SelfLinkCarriesTheAppliedDefaults()
    {
        using var doc = await fixture.Client.ReportJsonAsync("/year/month/day", fixture.Token);

        Assert.Equal("/cmu/v2/year/month/day?start=2025-06-01T00:00:00&end=2025-06-15T12:34:00&limit=1000" + SessionMetrics, ReportDoc.Self(doc));
    }

    [Fact]
    public async Task SelfLinkKeepsFiltersAndRequestedValuesButNotTheExtension()
    {
        using var doc = await fixture.Client.ReportJsonAsync("/tenant/year/month.json?tenant=Acme&mvpd%21=DTV&channel&start=2025&end=2025-03&limit=7&metrics=active-users,killed-sessions", fixture.Token);

        Assert.Equal(
            "/cmu/v2/tenant/year/month?tenant=Acme&mvpd!=DTV&channel&start=2025-01-01T00:00:00&end=2025-03-01T00:00:00&limit=7&metrics=active-users&metrics=killed-sessions",
            ReportDoc.Self(doc));
    }

    [Fact]
    public async Task HrefsKeepAmpersandsLiteralOnTheWire()
    {
        using var response = await fixture.Client.ReportAsync("/tenant/year/month?limit=2", fixture.Token);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("&limit=2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0026", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RootHasNoRollUpAndDrillsDownToTheSpecRoots()
    {
        using var doc = await fixture.Client.ReportJsonAsync("", fixture.Token);
        var links = doc.RootElement.GetProperty("_links");

        Assert.False(links.TryGetProperty("roll-up", out _));
        Assert.Equal(["mvpd", "tenant", "year"], ReportDoc.DrillDownNames(doc));
        Assert.StartsWith("/cmu/v2?", ReportDoc.Self(doc), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralDrillDownsAreAnArrayOfNamedPathLinks()
    {
        using var doc = await fixture.Client.ReportJsonAsync("/tenant/year/month/day", fixture.Token);
        var links = doc.RootElement.GetProperty("_links");

        Assert.Equal("/cmu/v2/tenant/year/month", links.GetProperty("roll-up").GetProperty("href").GetString());
        Assert.Equal("month", links.GetProperty("roll-up").GetProperty("name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, links.GetProperty("drill-down").ValueKind);
        Assert.Equal(["application-id", "channel", "hour", "mvpd"], ReportDoc.DrillDownNames(doc));
        Assert.Equal("/cmu/v2/tenant/year/month/day/hour", links.GetProperty("drill-down")[2].GetProperty("href").GetString());
    }

    [Fact]
    public async Task SingleDrillDownIsAnObject()
    {
        using var doc = await fixture.Client.ReportJsonAsync("/tenant/year/month/day/application-id", fixture.Token);
        var drill = doc.RootElement.GetProperty("_links").GetProperty("drill-down");

        Assert.Equal(System.Text.Json.JsonValueKind.Object, drill.ValueKind);
        Assert.Equal("/cmu/v2/tenant/year/month/day/application-id/application", drill.GetProperty("href").GetString());
    }

    [Fact]
    public async Task LeafHasNoDrillDown()
    {
        using var doc = await fixture.Client.ReportJsonAsync("/tenant/year/month/day/application-id/application", fixture.Token);

        Assert.Empty(ReportDoc.DrillDownNames(doc));
    }

    [Fact]
    public async Task RecordValuesAreStringsInProjectionOrder()
    {
        using var doc = await fixture.Client.ReportJsonAsync("/tenant/year/month/day?start=2025-05-01&end=2025-05-02&tenant=Acme&metrics=active-users", fixture.Token);
        var record = Assert.Single(ReportDoc.Records(doc));

        Assert.Equal(["tenant", "year", "month", "day", "active-users"], record.EnumerateObject().Select(p => p.Name));
        Assert.All(record.EnumerateObject(), p => Assert.Equal(System.Text.Json.JsonValueKind.String, p.Value.ValueKind));
        Assert.Equal("5", record.GetProperty("month").GetString());
        Assert.Equal("1", record.GetProperty("day").GetString());
    }

    [Fact]
    public async Task PathsDeclareTheSpecMetricSets()
    {
        using var tenant = await fixture.Client.ReportJsonAsync("/tenant", fixture.Token);
        using var year = await fixture.Client.ReportJsonAsync("/year", fixture.Token);
        using var histogram = await fixture.Client.ReportJsonAsync("/year/month/concurrency-level", fixture.Token);

        Assert.Equal(6 + 19, ReportDoc.Records(tenant)[0].EnumerateObject().Count() + 5);
        Assert.Equal(1 + 7, ReportDoc.Records(year)[0].EnumerateObject().Count());
        Assert.Equal(["year", "month", "concurrency-level", "users"], ReportDoc.Records(histogram)[0].EnumerateObject().Select(p => p.Name));
    }
}
