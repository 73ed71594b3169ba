using CmuContracts.AdobePass;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Reports;
using CmuContracts.Tests.Infrastructure;
using CmuContracts.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.Tests.Reports;

/// <summary>GetRecordsAsync reads records from the HAL body as it arrives.</summary>
public sealed class UsageRecordStreamingTests
{
    [Fact]
    public async Task WithAllowPartialTheFirstRecordsArriveBeforeALargeResponseIsReadToItsEnd()
    {
        var observer = new EndOfBodyObserver();
        await using var test = await ReportsTestHost.StartAsync(http => http.AddHttpMessageHandler(() => observer));
        var start = ReportsTestHost.DaysAgo(7);
        var query = UsageReportQuery.Parse("/year/month/day/hour/tenant/channel/platform/application-id/application").Between(start, start.AddDays(6)).WithLimit(50_000).AllowPartial();

        bool? endedAtFirstRecord = null;
        long sessions = 0;
        var count = 0;
        await foreach (var record in test.Reports.GetRecordsAsync(query))
        {
            endedAtFirstRecord ??= observer.BodyEnded;
            sessions += record.GetMetric(ReportMetric.StartedSessions)!.Value;
            count++;
        }

        Assert.Equal(96 * 24 * 6, count);
        Assert.False(endedAtFirstRecord, "the first record came only after the whole response had been read");
        var report = await test.Reports.GetReportAsync(query.WithDimensions(["year", "month", "day"]));
        Assert.Equal(report.Records.Sum(r => r.GetMetric(ReportMetric.StartedSessions)), sessions);
    }

    [Fact]
    public async Task ABodyHandedOutOneByteAtATimeGivesTheSameRecordsAsTheGeneratedOperation()
    {
        await using var test = await ReportsTestHost.StartAsync(http => http.AddHttpMessageHandler(() => new EndOfBodyObserver(maxRead: 1)));
        // A window that ends before today: the current day's numbers grow between two requests.
        var query = UsageReportQuery.For("tenant", "year", "month").IncludeDimension("mvpd").Where("tenant", "Acme")
            .Between(ReportsTestHost.DaysAgo(70), ReportsTestHost.DaysAgo(1));

        var report = await test.Reports.GetReportAsync(query);
        var streamed = new List<string>();
        await foreach (var record in test.Reports.GetRecordsAsync(query))
        {
            streamed.Add(record.ToString());
        }

        Assert.True(report.Records.Count > 5);
        Assert.Equal(report.Records.Select(r => r.ToString()), streamed);
    }

    [Theory]
    [InlineData("""{"report":[{"tenant":"Acme","active-users":"12"},{"tenant":"Globex","active-users":7,"bstreams-30":"3","occurrences":"n/a","gone":null}],"_links":{"self":{"href":"/cmu/v2/tenant"}}}""", "tenant=Acme, active-users=12|tenant=Globex, occurrences=n/a, active-users=7, bstreams-30=3")]
    [InlineData("""{"_links":{"self":{"href":"/cmu/v2/tenant"},"drill-down":[{"href":"/cmu/v2/tenant/year","name":"year"}]},"extra":{"deep":[1,[2,{"x":3}]]},"report":[]}""", "")]
    [InlineData("""{"_links":{"self":{"href":"/cmu/v2/tenant"}},"report":null}""", "")]
    public async Task MemberOrderUnknownMembersNumbersAndTextAreReadAtEveryChunkBoundary(string body, string expected)
    {
        await using var emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false } });
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(new ScriptedResponse(200, "application/json", body));
        await using var host = CmuTestHost.Create(
            emulator,
            o => o.CmuBaseAddress = new Uri(server.BaseAddress, "cmu/v2/"),
            b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => new EndOfBodyObserver(maxRead: 1)));

        var records = new List<string>();
        await foreach (var record in host.Services.GetRequiredService<IUsageReports>().GetRecordsAsync(UsageReportQuery.For("tenant")))
        {
            records.Add(record.ToString());
        }

        Assert.Equal(expected, string.Join('|', records));
        Assert.Equal("/cmu/v2/tenant", server.OnlyRequest().Path);
    }

    [Theory]
    [InlineData(false, 0)] // the window is held until its end, so nothing of a broken answer goes out
    [InlineData(true, 1)] // records go out as they arrive
    public async Task ATruncatedBodyIsAnUnreadableAnswerNotASilentShortReport(bool allowPartial, int recordsBeforeTheError)
    {
        await using var emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false } });
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(new ScriptedResponse(200, "application/json", """{"report":[{"tenant":"Acme","active-users":"12"},{"tenant":"""));
        await using var host = CmuTestHost.Create(emulator, o => o.CmuBaseAddress = new Uri(server.BaseAddress, "cmu/v2/"));
        var records = new List<UsageRecord>();
        var stream = host.Services.GetRequiredService<IUsageReports>().GetRecordsAsync(UsageReportQuery.For("tenant").AllowPartial(allowPartial));

        var ex = await Assert.ThrowsAsync<CmuServiceException>(async () =>
        {
            await foreach (var record in stream)
            {
                records.Add(record);
            }
        });

        Assert.IsType<System.Text.Json.JsonException>(ex.InnerException, exactMatch: false);
        Assert.Equal(200, ex.StatusCode);
        Assert.Equal(recordsBeforeTheError, records.Count);
        Assert.Null(stream.Coverage);
    }
}
