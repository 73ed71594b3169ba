using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

public sealed class FilterTests(SharedEmulatorFixture fixture) : IClassFixture<SharedEmulatorFixture>
{
    private const string Window = "start=2025-05-01&end=2025-05-08";

    private async Task<string[]> ValuesAsync(string path, string dimension, string query)
    {
        using var doc = await fixture.Client.ReportJsonAsync($"{path}?{Window}&{query}", fixture.Token);
        return [.. ReportDoc.Records(doc).Select(r => r.GetProperty(dimension).GetString()!).Distinct().Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task EqualityFilterKeepsOneValue() =>
        Assert.Equal(["Globex"], await ValuesAsync("/tenant/year/month/day", "tenant", "tenant=Globex"));

    [Fact]
    public async Task RepeatedFilterIsIn() =>
        Assert.Equal(["Acme", "Initech"], await ValuesAsync("/tenant/year/month/day", "tenant", "tenant=Acme&tenant=Initech"));

    [Fact]
    public async Task NegatedFilterIsNotIn() =>
        Assert.Equal(["Cablevision", "Comcast_SSO", "Verizon"], await ValuesAsync("/tenant/year/month/day/mvpd", "mvpd", "mvpd!=DTV&mvpd!=Dish"));

    [Fact]
    public async Task PercentEncodedNegationIsTheSame() =>
        Assert.Equal(
            await ValuesAsync("/tenant/year/month/day/mvpd", "mvpd", "mvpd!=DTV"),
            await ValuesAsync("/tenant/year/month/day/mvpd", "mvpd", "mvpd%21=DTV"));

    [Fact]
    public async Task FilterOnADimensionBelowThePathNarrowsTotals()
    {
        using var all = await fixture.Client.ReportJsonAsync($"/tenant/year/month/day?{Window}&tenant=Acme", fixture.Token);
        using var dtv = await fixture.Client.ReportJsonAsync($"/tenant/year/month/day?{Window}&tenant=Acme&mvpd=DTV", fixture.Token);
        using var byMvpd = await fixture.Client.ReportJsonAsync($"/tenant/year/month/day/mvpd?{Window}&tenant=Acme&mvpd=DTV", fixture.Token);

        Assert.True(ReportDoc.Sum(ReportDoc.Records(dtv), "started-sessions") < ReportDoc.Sum(ReportDoc.Records(all), "started-sessions"));
        Assert.Equal(ReportDoc.Sum(ReportDoc.Records(byMvpd), "started-sessions"), ReportDoc.Sum(ReportDoc.Records(dtv), "started-sessions"));
    }

    [Fact]
    public async Task BareDimensionIsForcedIntoTheProjection()
    {
        using var doc = await fixture.Client.ReportJsonAsync($"/tenant/year/month/day?{Window}&tenant=Acme&channel", fixture.Token);
        var records = ReportDoc.Records(doc);

        Assert.Equal(["tenant", "year", "month", "day", "channel"], records[0].EnumerateObject().Select(p => p.Name).Take(5));
        Assert.Equal(7 * 4, records.Length);
    }

    [Fact]
    public async Task UnknownValueGivesAnEmptyReport() =>
        Assert.Empty(await ValuesAsync("/tenant/year/month/day", "tenant", "tenant=Nobody"));

    [Fact]
    public async Task HistogramLevelCanBeFiltered() =>
        Assert.Equal(["1", "2"], await ValuesAsync("/year/month/day/concurrency-level", "concurrency-level", "concurrency-level=1&concurrency-level=2"));
}
