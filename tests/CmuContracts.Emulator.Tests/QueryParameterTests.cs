using System.Net;
using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

public sealed class QueryParameterTests(SharedEmulatorFixture fixture) : IClassFixture<SharedEmulatorFixture>
{
    private async Task<string> BadRequestAsync(string pathAndQuery)
    {
        using var response = await fixture.Client.ReportAsync(pathAndQuery, fixture.Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("2024", "2024-01-01T00:00:00")]
    [InlineData("2024-05", "2024-05-01T00:00:00")]
    [InlineData("2024-05-07", "2024-05-07T00:00:00")]
    [InlineData("2024-05-07T13", "2024-05-07T13:00:00")]
    [InlineData("2024-05-07T13:45", "2024-05-07T13:45:00")]
    [InlineData("2024-05-07T13:45:12", "2024-05-07T13:45:12")]
    [InlineData("1715089512000", "2024-05-07T13:45:12")]
    public async Task StartPrefixesAreExpanded(string start, string expanded)
    {
        using var doc = await fixture.Client.ReportJsonAsync($"/year/month/day?start={start}&end=2024-06", fixture.Token);

        Assert.Contains($"start={expanded}&", ReportDoc.Self(doc), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/year", "start=2023-05-01T00:00:00")]
    [InlineData("/year/month", "start=2025-01-01T00:00:00")]
    [InlineData("/year/month/day", "start=2025-06-01T00:00:00")]
    [InlineData("/year/month/day/hour", "start=2025-06-15T00:00:00")]
    [InlineData("/tenant/year/month/day/hour/minute", "start=2025-06-15T12:00:00")]
    [InlineData("/tenant", "start=2023-05-01T00:00:00")]
    public async Task DefaultStartDependsOnGranularity(string path, string expected)
    {
        using var doc = await fixture.Client.ReportJsonAsync(path, fixture.Token);

        Assert.Contains(expected + "&end=2025-06-15T12:34:00&", ReportDoc.Self(doc), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PathsWithoutTimeDimensionIgnoreStartAndEnd()
    {
        using var plain = await fixture.Client.ReportJsonAsync("/tenant", fixture.Token);
        using var windowed = await fixture.Client.ReportJsonAsync("/tenant?start=2025-06-01&end=2025-06-02", fixture.Token);

        Assert.Equal(plain.RootElement.GetProperty("report").GetRawText(), windowed.RootElement.GetProperty("report").GetRawText());
    }

    [Fact]
    public async Task DayRowsStartAtStartAndStopBeforeEnd()
    {
        using var doc = await fixture.Client.ReportJsonAsync("/year/month/day?start=2025-05-10&end=2025-05-20", fixture.Token);
        var days = ReportDoc.Records(doc).Select(r => r.GetProperty("day").GetString()).ToArray();

        Assert.Equal(Enumerable.Range(10, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)), days);
    }

    [Fact]
    public async Task WindowBeforeRetentionIsEmpty()
    {
        using var doc = await fixture.Client.ReportJsonAsync("/year/month/day?start=2020-01&end=2020-02", fixture.Token);

        Assert.Empty(ReportDoc.Records(doc));
    }

    [Fact]
    public async Task WindowIsClippedToNow()
    {
        using var doc = await fixture.Client.ReportJsonAsync("/year/month/day?start=2025-06-14&end=2025-07-01", fixture.Token);

        Assert.Equal(["14", "15"], ReportDoc.Records(doc).Select(r => r.GetProperty("day").GetString()));
    }

    [Fact]
    public async Task LimitCutsRowsAndDefaultsTo1000()
    {
        using var limited = await fixture.Client.ReportJsonAsync("/year/month/day?start=2025-05-01&end=2025-06-01&limit=5", fixture.Token);
        using var all = await fixture.Client.ReportJsonAsync("/tenant/year/month/day/mvpd/platform?start=2025-01-01&end=2025-06-01", fixture.Token);

        Assert.Equal(5, ReportDoc.Records(limited).Length);
        Assert.Equal(1000, ReportDoc.Records(all).Length);
    }

    [Fact]
    public async Task RepeatedAndCommaSeparatedMetricsAreTheSame()
    {
        using var repeated = await fixture.Client.ReportJsonAsync("/tenant?metrics=active-users&metrics=killed-sessions", fixture.Token);
        using var comma = await fixture.Client.ReportJsonAsync("/tenant?metrics=active-users,killed-sessions", fixture.Token);

        Assert.Equal(repeated.RootElement.GetProperty("report").GetRawText(), comma.RootElement.GetProperty("report").GetRawText());
        Assert.Equal(["tenant", "active-users", "killed-sessions"], ReportDoc.Records(comma)[0].EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("/year/month?start=yesterday", "start")]
    [InlineData("/year/month?end=2025-13", "end")]
    [InlineData("/year/month?start=2025-05&end=2025-04", "before")]
    [InlineData("/year/month?limit=0", "limit")]
    [InlineData("/year/month?limit=ten", "limit")]
    [InlineData("/year/month?metrics=bogus", "bogus")]
    [InlineData("/year/month?metrics=duration_0-15", "duration_0-15")]
    [InlineData("/year/month?start=2025&start=2024", "repeated")]
    [InlineData("/year/month?year=2025", "time dimension")]
    [InlineData("/year/month?colour=red", "colour")]
    [InlineData("/year/month/concurrency-level?channel=X", "channel")]
    [InlineData("/tenant?concurrency-level", "concurrency-level")]
    public async Task BadParametersAre400WithAReason(string pathAndQuery, string reasonContains)
    {
        var reason = await BadRequestAsync(pathAndQuery);

        Assert.Contains(reasonContains, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooLargeQueryIs400()
    {
        var reason = await BadRequestAsync("/tenant/year/month/day/hour/minute/channel/platform/application-id?start=2025-06-01&end=2025-06-15");

        Assert.Contains("too large", reason, StringComparison.Ordinal);
    }
}
