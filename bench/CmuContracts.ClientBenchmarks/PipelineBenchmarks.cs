using BenchmarkDotNet.Attributes;

namespace CmuContracts.ClientBenchmarks;

/// <summary>
/// Issue 7: one report call through the whole <c>AddCmuClient</c> pipeline with a warm token, against the
/// hand-written HttpClient + System.Text.Json baseline over the same in-memory handler. Targets: at most 1.15x the
/// baseline's time and 1.2x its allocations.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime; GlobalCleanup disposes.")]
public class PipelineBenchmarks
{
    private CmuPipelineHost _host = null!;
    private HttpClient _http = null!;
    private HandWrittenReportClient _handWritten = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = CmuPipelineHost.Create();
        _http = new HttpClient(_host.Handler) { BaseAddress = CmuPipelineHost.CmuBaseAddress };
        _handWritten = new HandWrittenReportClient(_http, "bench-access-token");
        SetupCheck.Expect(HandWritten().GetAwaiter().GetResult() == CannedReport.Default.Rows, "the baseline did not read every record");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _host.Dispose();
    }

    [Benchmark(Description = "AddCmuClient pipeline, warm token")]
    public async Task<int> Pipeline() =>
        (await _host.Reports.GetTenantYearMonthDayAsync(start: CannedReport.Start, end: CannedReport.End).ConfigureAwait(false)).Report.Count;

    [Benchmark(Baseline = true, Description = "hand-written HttpClient + STJ source gen")]
    public async Task<int> HandWritten() =>
        (await _handWritten.GetTenantYearMonthDayAsync(CannedReport.Start, CannedReport.End).ConfigureAwait(false)).Report.Count;
}
