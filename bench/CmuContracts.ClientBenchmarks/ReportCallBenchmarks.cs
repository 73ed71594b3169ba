using BenchmarkDotNet.Attributes;
using CmuContracts.AdobePass;
using Refit;
using RefitsGenerated = CmuContracts.RefitImplemented.AdobePass;

namespace CmuContracts.ClientBenchmarks;

/// <summary>
/// Issue 6: one CMU report call (one month by day, parsed into the models) over the same in-memory handler, through
/// (a) our generated Refit implementation, (b) Refit's own generated implementation of the same interface text and
/// (c) a hand-written HttpClient + System.Text.Json source-generated baseline. Targets: (a) no slower than (b),
/// (a) within 1.10x of (c).
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime; GlobalCleanup disposes.")]
public class ReportCallBenchmarks
{
    private const string AccessToken = "bench-access-token";

    private HttpClient _http = null!;
    private IUsageReportsClient _ours = null!;
    private RefitsGenerated.IUsageReportsClient _refits = null!;
    private HandWrittenReportClient _handWritten = null!;

    [GlobalSetup]
    public void Setup()
    {
        var canned = CannedReport.Default;
        var handler = new CannedResponseHandler(canned.Body);
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1/cmu/v2/") };

        // Both Refit clients get Refit's default settings plus the token getter that [Headers("Authorization: Bearer")] asks for.
        _ours = RestService.For<IUsageReportsClient>(_http, new RefitSettings { AuthorizationHeaderValueGetter = static (_, _) => ValueTask.FromResult(AccessToken) });
        _refits = RestService.For<RefitsGenerated.IUsageReportsClient>(_http, new RefitSettings { AuthorizationHeaderValueGetter = static (_, _) => ValueTask.FromResult(AccessToken) });
        _handWritten = new HandWrittenReportClient(_http, AccessToken);

        SetupCheck.Expect(_ours.GetType().FullName == "CmuContracts.AdobePass.Internal.UsageReportsClient", $"(a) is {_ours.GetType().FullName}, not our generated implementation");
        SetupCheck.Expect(_refits.GetType().FullName!.StartsWith("Refit.Implementation.", StringComparison.Ordinal), $"(b) is {_refits.GetType().FullName}, not Refit's generated implementation");

        // Each path sends the same request line and reads every record.
        var expected = $"http://127.0.0.1/cmu/v2/tenant/year/month/day?start={CannedReport.Start}&end={CannedReport.End}";
        SetupCheck.Expect(Ours().GetAwaiter().GetResult() == canned.Rows && handler.LastReport!.RequestUri!.ToString() == expected, $"(a) sent {handler.LastReport?.RequestUri}");
        SetupCheck.Expect(Refits().GetAwaiter().GetResult() == canned.Rows && handler.LastReport!.RequestUri!.ToString() == expected, $"(b) sent {handler.LastReport?.RequestUri}");
        SetupCheck.Expect(HandWritten().GetAwaiter().GetResult() == canned.Rows && handler.LastReport!.RequestUri!.ToString() == expected, $"(c) sent {handler.LastReport?.RequestUri}");
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Description = "(a) ours: generated Refit implementation")]
    public async Task<int> Ours() =>
        (await _ours.GetTenantYearMonthDayAsync(start: CannedReport.Start, end: CannedReport.End).ConfigureAwait(false)).Report.Count;

    [Benchmark(Description = "(b) Refit's generator, same interface text")]
    public async Task<int> Refits() =>
        (await _refits.GetTenantYearMonthDayAsync(start: CannedReport.Start, end: CannedReport.End).ConfigureAwait(false)).Report.Count;

    [Benchmark(Baseline = true, Description = "(c) hand-written HttpClient + STJ source gen")]
    public async Task<int> HandWritten() =>
        (await _handWritten.GetTenantYearMonthDayAsync(CannedReport.Start, CannedReport.End).ConfigureAwait(false)).Report.Count;

    // The rows run one after the other on a shared machine: (a) once more, last, shows how much of an (a)/(b)
    // difference is the order rather than the code.
    [Benchmark(Description = "(a) again, run last (order check)")]
    public Task<int> OursAgain() => Ours();
}
