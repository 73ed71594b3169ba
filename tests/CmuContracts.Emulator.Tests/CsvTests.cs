using System.Net;
using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

public sealed class CsvTests(SharedEmulatorFixture fixture) : IClassFixture<SharedEmulatorFixture>
{
    [Fact]
    public async Task HeaderIsDimensionsThenMetricsAndRowsMatchJson()
    {
        const string query = "/tenant/year/month/day?start=2025-05-01&end=2025-05-03&metrics=active-users&metrics=started-sessions";
        using var response = await fixture.Client.ReportAsync(query.Replace("/day?", "/day.csv?", StringComparison.Ordinal), fixture.Token);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        using var json = await fixture.Client.ReportJsonAsync(query, fixture.Token);
        var records = ReportDoc.Records(json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("tenant,year,month,day,active-users,started-sessions", lines[0]);
        Assert.Equal(records.Length, lines.Length - 1);
        Assert.Equal(6, records.Length);
        for (var i = 0; i < records.Length; i++)
        {
            var r = records[i];
            Assert.Equal(
                string.Join(',', r.GetProperty("tenant").GetString(), r.GetProperty("year").GetString(), r.GetProperty("month").GetString(),
                    r.GetProperty("day").GetString(), r.GetProperty("active-users").GetString(), r.GetProperty("started-sessions").GetString()),
                lines[i + 1]);
        }
    }

    [Fact]
    public async Task ContentDispositionNamesTheFileAsDocumented()
    {
        using var response = await fixture.Client.ReportAsync("/tenant/year/month/day.csv?start=2025-05-01&end=2025-05-20", fixture.Token);

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("report__2025-05-01_2025-05-20_1000.csv", response.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task FileNameCarriesFilterValues()
    {
        using var response = await fixture.Client.ReportAsync("/tenant/year/month/day.csv?tenant=Acme&mvpd!=DTV&start=2025-05-01&end=2025-05-02&limit=10", fixture.Token);

        Assert.Equal("report__2025-05-01_2025-05-02_Acme_DTV_10.csv", response.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task CsvHasNoLinks()
    {
        using var response = await fixture.Client.ReportAsync("/tenant.csv", fixture.Token);

        Assert.DoesNotContain("_links", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
