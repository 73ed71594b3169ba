using System.Net;
using CmuContracts.Emulator.Reports;
using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

/// <summary>
/// Like the real service, whose answers offer drill-downs the documentation never lists [O], the emulator advertises
/// and serves paths the spec lacks (<see cref="ReportTree.ServerOnlyPaths"/>), so clients are tested on following them.
/// </summary>
public sealed class ServerOnlyPathTests(SharedEmulatorFixture fixture) : IClassFixture<SharedEmulatorFixture>
{
    [Fact]
    public async Task TheParentAdvertisesTheServerOnlyPathAndItAnswersWithARollUpToTheParent()
    {
        using var parent = await fixture.Client.ReportJsonAsync("/year/month/day/tenant?start=2025-05-01&end=2025-05-02", fixture.Token);
        var drillDowns = parent.RootElement.GetProperty("_links").GetProperty("drill-down").EnumerateArray().Select(l => l.GetProperty("href").GetString()).ToArray();
        using var child = await fixture.Client.ReportJsonAsync("/year/month/day/tenant/application-id?start=2025-05-01&end=2025-05-02", fixture.Token);

        Assert.Equal(["/year/month/day/tenant/application-id"], ReportTree.ServerOnlyPaths);
        Assert.Contains("/cmu/v2/year/month/day/tenant/application-id", drillDowns);
        Assert.Contains("/cmu/v2/year/month/day/tenant/channel", drillDowns);
        Assert.Equal("/cmu/v2/year/month/day/tenant", child.RootElement.GetProperty("_links").GetProperty("roll-up").GetProperty("href").GetString());
        var records = ReportDoc.Records(child);
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("application-id").GetString())));
    }

    [Fact]
    public async Task AnUndocumentedDimensionTheEmulatorCannotComputeIs404()
    {
        using var response = await fixture.Client.ReportAsync("/year/month/day/tenant/occurrences", fixture.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
