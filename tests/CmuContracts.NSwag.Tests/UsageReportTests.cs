using System.Globalization;
using System.Text.Json;
using CmuContracts.NSwag.Tests.AdobePass;
using CmuContracts.NSwag.Tests.Infrastructure;

namespace CmuContracts.NSwag.Tests;

/// <summary>CMU reports read through NSwag's generated UsageReports client, checked against the JSON on the wire.</summary>
public sealed class UsageReportTests(NSwagEmulatorFixture fixture) : IClassFixture<NSwagEmulatorFixture>
{
    private const string MayStart = "2025-05-01";
    private const string MayEnd = "2025-05-08";

    // NSwag's defaults, without the AllowReadingFromString that UsageReportsClient.cs adds.
    private static readonly JsonSerializerOptions PlainOptions = new();

    private static long WireMetric(JsonElement record, string name) =>
        long.Parse(record.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task RootEventCountsAreTheSumOfTheTenantsAndDistinctUsersAreNot()
    {
        var root = await fixture.Reports.GetRootAsync();
        var tenants = await fixture.Reports.GetTenantAsync();

        var total = Assert.Single(root.Report);
        Assert.True(total.StartedSessions > 0, "the emulator has traffic");
        Assert.True(tenants.Report.Count > 1, "several tenants");
        Assert.Equal(total.StartedSessions, tenants.Report.Sum(r => r.StartedSessions));
        // active-users counts distinct accounts: the total is at most the tenants' sum and at least their largest.
        Assert.InRange(total.ActiveUsers ?? 0, tenants.Report.Max(r => r.ActiveUsers ?? 0), tenants.Report.Sum(r => r.ActiveUsers ?? 0));
        Assert.All(tenants.Report, r => Assert.False(string.IsNullOrEmpty(r.Tenant)));
    }

    [Fact]
    public async Task DailyRecordsCarryTheWireValues()
    {
        var report = await fixture.Reports.GetTenantYearMonthDayAsync(start: MayStart, end: MayEnd);
        using var wire = await fixture.RawReportAsync($"tenant/year/month/day?start={MayStart}&end={MayEnd}");
        var wireRecords = wire.RootElement.GetProperty("report").EnumerateArray().ToArray();

        Assert.Equal(wireRecords.Length, report.Report.Count);
        Assert.NotEmpty(wireRecords);
        foreach (var (record, expected) in report.Report.Zip(wireRecords))
        {
            Assert.Equal(expected.GetProperty("tenant").GetString(), record.Tenant);
            Assert.Equal(2025, record.Year);
            Assert.Equal(5, record.Month);
            Assert.InRange(record.Day!.Value, 1, 8);
            Assert.Equal(WireMetric(expected, "active-users"), record.ActiveUsers);
            Assert.Equal(WireMetric(expected, "started-sessions"), record.StartedSessions);
            Assert.Equal(WireMetric(expected, "duration_0-15"), record.Duration_015);
            Assert.Equal(WireMetric(expected, "duration_over-1m"), record.Duration_over1m);
            Assert.Empty(record.AdditionalProperties);
        }
    }

    [Fact]
    public async Task SeveralDrillDownsAreReadAsALinkList()
    {
        var root = await fixture.Reports.GetRootAsync();
        using var wire = await fixture.RawReportAsync("");
        var wireNames = wire.RootElement.GetProperty("_links").GetProperty("drill-down").EnumerateArray()
            .Select(l => l.GetProperty("name").GetString()).ToArray();

        Assert.Equal(wireNames, root._links.DrillDown.Select(l => l.Name));
        Assert.Contains(root._links.DrillDown, l => l.Href == "/cmu/v2/tenant" && l.Name == "tenant");
        Assert.Null(root._links.RollUp);
        Assert.StartsWith("/cmu/v2", root._links.Self.Href, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneDrillDownIsReadFromAnObjectAndALeafHasNone()
    {
        var byApp = await fixture.Reports.GetTenantYearMonthDayApplicationIdAsync(start: MayStart, end: MayEnd);
        var leaf = await fixture.Reports.GetTenantYearMonthDayApplicationIdApplicationAsync(start: MayStart, end: MayEnd);

        var down = Assert.Single(byApp._links.DrillDown);
        Assert.Equal("/cmu/v2/tenant/year/month/day/application-id/application", down.Href);
        Assert.Equal("/cmu/v2/tenant/year/month/day", byApp._links.RollUp!.Href);
        Assert.All(byApp.Report, r => Assert.False(string.IsNullOrEmpty(r.ApplicationId)));
        Assert.Empty(leaf._links.DrillDown);
        Assert.All(leaf.Report, r => Assert.False(string.IsNullOrEmpty(r.Application)));
    }

    [Fact]
    public async Task SelfLinkEchoesTheQueryTheClientSent()
    {
        var report = await fixture.Reports.GetTenantYearMonthDayAsync(
            start: MayStart, end: MayEnd, limit: 3, metrics: ["active-users", "started-sessions"]);

        Assert.Equal(3, report.Report.Count);
        Assert.Contains("limit=3", report._links.Self.Href, StringComparison.Ordinal);
        Assert.Contains("metrics=active-users", report._links.Self.Href, StringComparison.Ordinal);
        Assert.All(report.Report, r =>
        {
            Assert.NotNull(r.ActiveUsers);
            Assert.NotNull(r.StartedSessions);
            Assert.Null(r.CompletedSessions);
        });
    }

    [Fact]
    public async Task WithoutNumberHandlingTheGeneratedModelsCannotReadTheService()
    {
        using var wire = await fixture.RawReportAsync("tenant");

        // Why UsageReportsClient.cs sets AllowReadingFromString: the service sends "205", the schema says integer.
        Assert.Throws<JsonException>(() => wire.Deserialize<UsageReport>(PlainOptions));
    }

    [Fact]
    public async Task CsvIsNotExposedByTheGeneratedClient()
    {
        // NSwag generates one JSON-reading method per operation; format=csv gets CSV back, which it cannot parse.
        var error = await Assert.ThrowsAsync<AdobePassApiException>(() => fixture.Reports.GetTenantAsync(format: ReportFormat.Csv));

        Assert.Equal(200, error.StatusCode);
        Assert.IsType<JsonException>(error.InnerException);
        Assert.Contains("text/csv", string.Join(";", error.Headers["Content-Type"]), StringComparison.Ordinal);
    }
}
