using System.Text;
using CmuContracts.AdobePass;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Reports;
using CmuContracts.Tests.Infrastructure;
using CmuContracts.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.Tests.Conformance;

/// <summary>
/// The library reads Adobe's own documented CMU answers (<see cref="AdobeCmuExamples"/>), served unchanged by a canned
/// loopback server, and sends the request forms Adobe documents.
/// </summary>
public sealed class AdobeExamplesLibraryTests : IAsyncLifetime
{
    private AdobePassEmulator _emulator = null!;
    private RecordingServer _server = null!;
    private CmuTestHost _host = null!;

    private IUsageReports Reports => _host.Services.GetRequiredService<IUsageReports>();

    public async Task InitializeAsync()
    {
        // The emulator only registers and issues the token; every CMU answer is Adobe's example.
        _emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false } });
        _server = await RecordingServer.StartAsync();
        _host = CmuTestHost.Create(_emulator, o => o.CmuBaseAddress = new Uri(_server.BaseAddress, "cmu/v2/"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task AdobesHalJsonExampleReadsAsItsRecordsLinksAndWindow()
    {
        _server.Enqueue(ScriptedResponse.Json(200, AdobeCmuExamples.YearMonthJson));

        var report = await Reports.GetReportAsync(UsageReportQuery.For("year", "month"));

        var clients = new ReportMetric("clients");
        Assert.Equal(
            [("2012", "6", 205L), ("2012", "7", 466L)],
            report.Records.Select(r => (r.GetDimension("year"), r.GetDimension("month"), r.GetMetric(clients))));
        Assert.Equal("/cmu/v2/year/month?start=2012-07-20T00:00:00&end=2012-08-20T14:35:21", report.SelfLink);
        Assert.Equal(("/cmu/v2/year", "year"), (report.RollUp!.Href, string.Join('/', report.RollUp.Dimensions)));
        var drillDown = Assert.Single(report.DrillDowns);
        Assert.Equal(("day", "/cmu/v2/year/month/day"), (drillDown.Name, drillDown.Href));
        Assert.Equal(new DateTimeOffset(2012, 7, 20, 0, 0, 0, TimeSpan.Zero), report.Coverage!.Start);
        Assert.Equal(new DateTimeOffset(2012, 8, 20, 14, 35, 21, TimeSpan.Zero), report.Coverage.End);
        var request = _server.OnlyRequest();
        Assert.Equal(("/cmu/v2/year/month", "?format=json", "application/json"), (request.Path, request.RawQuery, request.Header("Accept")));
    }

    [Fact]
    public async Task AdobesCsvExampleIsCopiedUnchanged()
    {
        _server.Enqueue(new ScriptedResponse(200, "text/csv", AdobeCmuExamples.YearMonthCsv,
            new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=" + AdobeCmuExamples.YearMonthCsvFileName }));
        var start = new DateTimeOffset(2012, 7, 20, 0, 0, 0, TimeSpan.Zero);
        var query = UsageReportQuery.For("year", "month").Between(start, start.AddMonths(1)).AllowPartial();

        using var destination = new MemoryStream();
        var coverage = await Reports.CopyCsvAsync(query, destination);

        Assert.Equal(AdobeCmuExamples.YearMonthCsv, Encoding.UTF8.GetString(destination.ToArray()));
        Assert.Equal((start, start.AddMonths(1), false), (coverage.Start, coverage.End, coverage.IsTruncated));
        var request = _server.OnlyRequest();
        Assert.Equal("?start=2012-07-20T00%3A00%3A00&end=2012-08-20T00%3A00%3A00&format=csv&limit=1000", request.RawQuery);
        Assert.Equal("text/csv", request.Header("Accept"));
    }

    [Fact]
    public async Task MetricsGoAsOneCommaSeparatedValueAsInAdobesParameterTable()
    {
        // The table's example is metrics=m1,m2, comma literal: the spec marks metrics allowReserved.
        _server.Enqueue(ScriptedResponse.Json(200, AdobeCmuExamples.YearMonthJson));

        await Reports.GetReportAsync(UsageReportQuery.For("year", "month").WithMetrics(new ReportMetric("m1"), new ReportMetric("m2")));

        Assert.Equal("?format=json&metrics=m1,m2", _server.OnlyRequest().RawQuery);
    }
}
