using System.Net;
using System.Text.Json;
using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests.SpecCopies;

/// <summary>
/// A metric the served spec declares (in <c>ReportMetric</c> and <c>UsageRecord</c>) and the emulator's code never
/// names is served with synthetic values, in every format, and rolls up like the metrics the model computes.
/// </summary>
public sealed class AddedMetricTests(EditedSpecFixture fixture) : IClassFixture<EditedSpecFixture>
{
    private const string Metric = EditedSpecFixture.DistinctMetric;

    [Fact]
    public async Task TheAddedMetricIsAmongTheDefaultMetricsOfTimeFirstAndTenantFirstPaths()
    {
        using var timeFirst = await fixture.Client.ReportJsonAsync("/year/month?start=2025-05&end=2025-06", fixture.Token);
        using var tenantFirst = await fixture.Client.ReportJsonAsync("/tenant/year/month?start=2025-05&end=2025-06", fixture.Token);

        Assert.All(ReportDoc.Records(timeFirst), r => Assert.True(ReportDoc.Metric(r, Metric) > 0));
        Assert.All(ReportDoc.Records(tenantFirst), r => Assert.True(ReportDoc.Metric(r, Metric) > 0));

        // Spec order: the added metrics come last; duration buckets only on tenant-first paths, as documented.
        Assert.Equal(Metric, ReportDoc.Records(timeFirst)[0].EnumerateObject().Last().Name);
        Assert.False(ReportDoc.Records(timeFirst)[0].TryGetProperty(EditedSpecFixture.AdditiveMetric, out _));
        Assert.Equal(EditedSpecFixture.AdditiveMetric, ReportDoc.Records(tenantFirst)[0].EnumerateObject().Last().Name);
    }

    [Fact]
    public async Task MetricsSelectsTheAddedMetricInJsonCsvAndXml()
    {
        const string Query = "?start=2025-05-01&end=2025-05-03&metrics=" + Metric;
        using var json = await fixture.Client.ReportJsonAsync("/year/month/day" + Query, fixture.Token);
        using var csv = await fixture.Client.ReportAsync("/year/month/day.csv" + Query, fixture.Token);
        using var xml = await fixture.Client.ReportAsync("/year/month/day.xml" + Query, fixture.Token);
        var csvLines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var xmlText = await xml.Content.ReadAsStringAsync();

        var records = ReportDoc.Records(json);
        Assert.Equal(2, records.Length);
        Assert.All(records, r => Assert.Equal(["year", "month", "day", Metric], r.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("year,month,day," + Metric, csvLines[0]);
        Assert.Equal(records.Select(r => $"2025,5,{r.GetProperty("day").GetString()},{ReportDoc.Metric(r, Metric)}"), csvLines.Skip(1));
        Assert.All(records, r => Assert.Contains($"{Metric}=\"{ReportDoc.Metric(r, Metric)}\"", xmlText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheHistogramPathsKeepOnlyUsers()
    {
        using var response = await fixture.Client.ReportAsync("/year/month/concurrency-level?metrics=" + Metric, fixture.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("use users", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAddedDistinctMetricOfAMonthLiesBetweenItsLargestDayAndTheSumOfItsDays()
    {
        var (months, days) = await MonthsAndDaysAsync(Metric);

        Assert.Equal(2, months.Count);
        foreach (var (key, month) in months)
        {
            Assert.InRange(month, days[key].Max(), days[key].Sum() - 1);
        }
    }

    [Fact]
    public async Task TheAddedAdditiveMetricOfAMonthIsTheSumOfItsDays()
    {
        var (months, days) = await MonthsAndDaysAsync(EditedSpecFixture.AdditiveMetric);

        Assert.Equal(2, months.Count);
        Assert.All(months, m => Assert.Equal(m.Value, days[m.Key].Sum()));
        Assert.All(months, m => Assert.True(m.Value > 0));
    }

    [Fact]
    public async Task TheAddedMetricOfADayIsTheSameAloneAndWithinItsMonth()
    {
        using var alone = await fixture.Client.ReportJsonAsync($"/tenant/year/month/day?start=2025-04-10&end=2025-04-11&tenant=Acme&metrics={Metric}", fixture.Token);
        using var month = await fixture.Client.ReportJsonAsync($"/tenant/year/month/day?start=2025-04&end=2025-05&tenant=Acme&metrics={Metric}", fixture.Token);

        var day = Assert.Single(ReportDoc.Records(alone));
        Assert.Equal(ReportDoc.Metric(day, Metric), ReportDoc.Metric(ReportDoc.Records(month).Single(r => r.GetProperty("day").GetString() == "10"), Metric));
    }

    /// <summary>Per Acme month (March and April 2025), the month's value and its days' values.</summary>
    private async Task<(Dictionary<string, long> Months, Dictionary<string, List<long>> Days)> MonthsAndDaysAsync(string metric)
    {
        var query = $"?start=2025-03&end=2025-05&tenant=Acme&metrics={metric}";
        using var months = await fixture.Client.ReportJsonAsync("/tenant/year/month" + query, fixture.Token);
        using var days = await fixture.Client.ReportJsonAsync("/tenant/year/month/day" + query, fixture.Token);
        static string Key(JsonElement r) => r.GetProperty("month").GetString()!;
        return (ReportDoc.Records(months).ToDictionary(Key, r => ReportDoc.Metric(r, metric)),
            ReportDoc.Records(days).GroupBy(Key).ToDictionary(g => g.Key, g => g.Select(r => ReportDoc.Metric(r, metric)).ToList()));
    }
}
