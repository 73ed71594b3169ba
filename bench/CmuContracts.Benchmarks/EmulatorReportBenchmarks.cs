using BenchmarkDotNet.Attributes;
using CmuContracts.AdobePass;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using Refit;

namespace CmuContracts.Benchmarks;

/// <summary>
/// One month of CMU data at day granularity, end to end: the generated Refit client asks the in-process
/// emulator over loopback HTTP and reads the HAL JSON. The target is under 50 ms per report.
/// The narrowest and the widest day-level paths bound every other one-month daily report.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime; GlobalCleanup disposes.")]
public class EmulatorReportBenchmarks
{
    private const string Start = "2026-09-01";
    private const string End = "2026-10-01";

    private AdobePassEmulator _emulator = null!;
    private HttpClient _http = null!;
    private IUsageReportsClient _reports = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "One month by day: /tenant/year/month/day")]
    public async Task<int> TenantByDay() =>
        (await _reports.GetTenantYearMonthDayAsync(start: Start, end: End)).Report.Count;

    [Benchmark(Description = "One month by day, widest: /tenant/year/month/day/mvpd/platform/application-id/application")]
    public async Task<int> WidestByDay() =>
        (await _reports.GetTenantYearMonthDayMvpdPlatformApplicationIdApplicationAsync(start: Start, end: End)).Report.Count;

    [Benchmark(Description = "One month by day, widest, as CSV")]
    public async Task<int> WidestByDayCsv() =>
        (await _reports.GetTenantYearMonthDayMvpdPlatformApplicationIdApplicationAsCsvAsync(start: Start, end: End)).Length;

    private async Task SetupAsync()
    {
        _emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions
        {
            Now = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            Throttle = new ThrottleOptions { Enabled = false },
        });
        using var dcr = new HttpClient { BaseAddress = _emulator.RegistrationBaseAddress };
        var registration = await RestService.For<IRegistrationClient>(dcr).RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = _emulator.IssueSoftwareStatement() });
        var token = await RestService.For<ITokenClient>(dcr).CreateAccessTokenAsync(new AccessTokenRequest
        {
            GrantType = GrantType.ClientCredentials,
            ClientId = registration.ClientId,
            ClientSecret = registration.ClientSecret,
        });
        _http = new HttpClient { BaseAddress = _emulator.CmuBaseAddress };
        var accessToken = token.AccessToken;

        // The token is fetched once, as before; Refit's getter only hands it to each secured call.
        _reports = RestService.For<IUsageReportsClient>(_http, new RefitSettings { AuthorizationHeaderValueGetter = (_, _) => ValueTask.FromResult(accessToken) });
    }
}
