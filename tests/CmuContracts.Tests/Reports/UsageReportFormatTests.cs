using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Reports;
using CmuContracts.Tests.Infrastructure;
using CmuContracts.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.Tests.Reports;

/// <summary>
/// The library asks for each format with Adobe's highest-precedence mechanism a fixed path carries (<c>format=</c>) and
/// an <c>Accept</c> type Adobe names, and never takes an answer in another format for the one it asked.
/// </summary>
public sealed class UsageReportFormatTests
{
    [Fact]
    public async Task JsonAndCsvCallsAskWithTheFormatParameterAndADocumentedAcceptType()
    {
        await using var test = await ReportsTestHost.StartAsync();
        // A window given, so the CSV call needs no JSON probe to learn it.
        var start = ReportsTestHost.DaysAgo(3);
        var query = UsageReportQuery.For("tenant", "year", "month", "day").Between(start, start.AddDays(1)).WithLimit(5).AllowPartial();
        var window = $"?start={Uri.EscapeDataString(start.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))}&end={Uri.EscapeDataString(start.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))}";

        await test.Reports.GetReportAsync(query);
        var json = test.Wire.Last;
        await test.Reports.CopyCsvAsync(query, Stream.Null);
        var csv = test.Wire.Last;

        Assert.Equal((window + "&format=json&limit=5", "application/json"), (json.Query, json.Accept));
        Assert.Equal((window + "&format=csv&limit=5", "text/csv"), (csv.Query, csv.Accept));
    }

    [Theory]
    [InlineData("application/json", """{"_links":{"self":{"href":"/cmu/v2/tenant"}},"report":[]}""")]
    [InlineData("text/html", "<html><body>Sign in</body></html>")]
    public async Task ACsvCallAnsweredInAnotherFormatFailsAndWritesNothing(string contentType, string body)
    {
        await using var emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false } });
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(new ScriptedResponse(200, contentType, body));
        await using var host = CmuTestHost.Create(emulator, o => o.CmuBaseAddress = new Uri(server.BaseAddress, "cmu/v2/"));
        var reports = host.Services.GetRequiredService<IUsageReports>();
        var query = UsageReportQuery.For("tenant").Between(DateTimeOffset.Parse("2025-01-01Z", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse("2025-02-01Z", System.Globalization.CultureInfo.InvariantCulture)).AllowPartial();

        using var destination = new MemoryStream();
        var error = await Assert.ThrowsAsync<CmuException>(() => reports.CopyCsvAsync(query, destination));

        Assert.Empty(destination.ToArray());
        Assert.Contains(contentType, error.Message, StringComparison.Ordinal);
        Assert.Contains("text/csv", error.Message, StringComparison.Ordinal);
        Assert.Equal("getTenant", error.OperationId);
        Assert.Equal(200, error.StatusCode);
    }

    [Fact]
    public async Task AStreamedJsonCallAnsweredAsCsvFails()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false } });
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(new ScriptedResponse(200, "text/csv", "tenant,active-users\r\nAcme,3\r\n"));
        await using var host = CmuTestHost.Create(emulator, o => o.CmuBaseAddress = new Uri(server.BaseAddress, "cmu/v2/"));
        var reports = host.Services.GetRequiredService<IUsageReports>();

        var error = await Assert.ThrowsAsync<CmuException>(async () =>
        {
            await foreach (var _ in reports.GetRecordsAsync(UsageReportQuery.For("tenant").AllowPartial()))
            {
            }
        });

        Assert.Contains("application/json", error.Message, StringComparison.Ordinal);
    }
}
