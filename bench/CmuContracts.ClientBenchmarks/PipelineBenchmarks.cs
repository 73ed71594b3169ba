using BenchmarkDotNet.Attributes;
using CmuContracts.AdobePass;
using Refit;

namespace CmuContracts.ClientBenchmarks;

/// <summary>
/// Issue 7: one report call through the whole <c>AddCmuClient</c> pipeline with a warm token, against the
/// hand-written HttpClient + System.Text.Json baseline over the same in-memory handler. Targets: at most 1.15x the
/// baseline's time and 1.2x its allocations. The middle row, the same generated client without the pipeline
/// (<c>RestService.For</c> with a fixed token), separates what the handlers cost from what Refit and the models cost.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime; GlobalCleanup disposes.")]
public class PipelineBenchmarks
{
    private CmuPipelineHost _host = null!;
    private HttpClient _http = null!;
    private HandWrittenReportClient _handWritten = null!;
    private IUsageReportsClient _withoutPipeline = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = CmuPipelineHost.Create();
        _http = new HttpClient(_host.Handler) { BaseAddress = CmuPipelineHost.CmuBaseAddress };
        _handWritten = new HandWrittenReportClient(_http, "bench-access-token");
        _withoutPipeline = RestService.For<IUsageReportsClient>(_http, new RefitSettings { AuthorizationHeaderValueGetter = static (_, _) => ValueTask.FromResult("bench-access-token") });
        SetupCheck.Expect(WithoutPipeline().GetAwaiter().GetResult() == CannedReport.Default.Rows, "the generated client without the pipeline did not read every record");
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

    [Benchmark(Description = "same generated client, no pipeline")]
    public async Task<int> WithoutPipeline() =>
        (await _withoutPipeline.GetTenantYearMonthDayAsync(start: CannedReport.Start, end: CannedReport.End).ConfigureAwait(false)).Report.Count;

    [Benchmark(Baseline = true, Description = "hand-written HttpClient + STJ source gen")]
    public async Task<int> HandWritten() =>
        (await _handWritten.GetTenantYearMonthDayAsync(CannedReport.Start, CannedReport.End).ConfigureAwait(false)).Report.Count;
}
