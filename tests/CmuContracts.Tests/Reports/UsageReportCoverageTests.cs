using System.Globalization;
using System.Text.RegularExpressions;
using CmuContracts.AdobePass;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Reports;
using CmuContracts.Tests.Infrastructure;
using CmuContracts.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.Tests.Reports;

/// <summary>What a report's numbers cover comes from its self link: the path, window and limit the server applied.</summary>
public sealed partial class UsageReportCoverageTests
{
    [Fact]
    public async Task TheCoverageOfAReportWithTheServersDefaultsIsWhatItsSelfLinkSays()
    {
        await using var test = await ReportsTestHost.StartAsync();

        var report = await test.Reports.GetReportAsync(UsageReportQuery.For("tenant", "year", "month", "day").WithMetrics(ReportMetric.StartedSessions));

        var coverage = report.Coverage!;
        Assert.Equal("/tenant/year/month/day", coverage.Path);
        Assert.Equal(SelfParameter(report.SelfLink!, "start"), Iso(coverage.Start));
        Assert.Equal(SelfParameter(report.SelfLink!, "end"), Iso(coverage.End));
        Assert.Equal(1000, coverage.Limit);
        Assert.True(coverage.Start < coverage.End);
        Assert.Equal((false, 1), (coverage.IsTruncated, coverage.Windows));
    }

    [Fact]
    public async Task ACsvWithoutAWindowCoversTheWindowTheServerAppliesAndSendsIt()
    {
        await using var test = await ReportsTestHost.StartAsync();
        var query = UsageReportQuery.For("year", "month", "day").WithMetrics(ReportMetric.StartedSessions);
        var json = await test.Reports.GetReportAsync(query);

        var coverage = await test.Reports.CopyCsvAsync(query, Stream.Null);

        // The default start is the server's (1st of the month here); the end is "now", a little later for the CSV.
        Assert.Equal(json.Coverage!.Start, coverage.Start);
        Assert.InRange(coverage.End!.Value, json.Coverage.End!.Value, DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(1000, coverage.Limit);
        var csv = test.Wire.Last;
        Assert.Equal("text/csv", csv.Accept);
        Assert.Equal($"?start={Uri.EscapeDataString(Iso(coverage.Start))}&end={Uri.EscapeDataString(Iso(coverage.End))}&format=csv&limit=1000&metrics=started-sessions", csv.Query);
    }

    [Fact]
    public async Task TheLimitComesFromTheSelfLinkAndACutAnswerWithoutItsWindowSaysToGiveOne()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false } });
        await using var server = await RecordingServer.StartAsync();
        const string cut = """{"_links":{"self":{"href":"/cmu/v2/tenant/year?limit=2"}},"report":[{"tenant":"Acme","year":"2025","active-users":"12"},{"tenant":"Acme","year":"2026","active-users":"7"}]}""";
        const string dated = """{"_links":{"self":{"href":"/cmu/v2/tenant/year?start=2025-01-01T00:00:00&end=1767225600000&limit=2"}},"report":[{"tenant":"Acme","year":"2025","active-users":"12"}]}""";
        server.Enqueue(new ScriptedResponse(200, "application/json", cut));
        server.Enqueue(new ScriptedResponse(200, "application/json", dated));
        await using var host = CmuTestHost.Create(emulator, o => o.CmuBaseAddress = new Uri(server.BaseAddress, "cmu/v2/"));
        var reports = host.Services.GetRequiredService<IUsageReports>();

        var ex = await Assert.ThrowsAsync<UsageReportLimitException>(() => reports.GetReportAsync(UsageReportQuery.For("tenant", "year")));
        var report = await reports.GetReportAsync(UsageReportQuery.For("tenant", "year"));

        Assert.Equal(2, ex.Limit);
        Assert.Contains("did not say which time window", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Between", ex.Remedy, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), report.Coverage!.Start);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), report.Coverage.End); // epoch milliseconds
        Assert.Equal(2, report.Coverage.Limit);
        Assert.Equal(2, server.Requests.Count);
    }

    private static string Iso(DateTimeOffset? time) => time!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string SelfParameter(string href, string name) =>
        Uri.UnescapeDataString(Parameter().Matches(href).Single(m => m.Groups[1].Value == name).Groups[2].Value);

    [Theory]
    [InlineData("/tenant/year/month/day", "2026-11-05T13:30:00Z", "2026-11-05T00:00:00Z")]
    [InlineData("/year/month/day/hour", "2026-11-05T13:30:00Z", "2026-11-05T13:00:00Z")]
    [InlineData("/year/month", "2026-11-05T00:00:00Z", "2026-11-01T00:00:00Z")]
    [InlineData("/tenant/year/month/day", "2026-11-05T00:00:00Z", null)] // ends on a day boundary: every day whole
    [InlineData("/tenant", "2026-11-05T13:30:00Z", null)] // no time dimension
    public void AWindowEndingInsideItsLastBucketNamesThatBucketsStart(string path, string end, string? partial)
    {
        var coverage = new UsageReportCoverage(path, null, DateTimeOffset.Parse(end, CultureInfo.InvariantCulture), 1000, false, 1);

        Assert.Equal(partial is null ? null : DateTimeOffset.Parse(partial, CultureInfo.InvariantCulture), coverage.PartialBucketStart);
    }

    [GeneratedRegex("[?&]([^=&]+)=([^&]*)")]
    private static partial Regex Parameter();
}
