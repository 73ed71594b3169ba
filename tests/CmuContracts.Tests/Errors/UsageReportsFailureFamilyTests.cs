using System.Threading.RateLimiting;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Reports;
using CmuContracts.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;

namespace CmuContracts.Tests.Errors;

/// <summary>
/// Whatever goes wrong on the wire, every <see cref="IUsageReports"/> call fails with a <see cref="CmuException"/>:
/// never Refit's, Polly's or the HTTP stack's own exception. Each failure kind over real loopback HTTP, for each way of
/// reading a report (whole, streamed, CSV).
/// </summary>
public sealed class UsageReportsFailureFamilyTests
{
    private static readonly Dictionary<string, Func<Task<Failure>>> Kinds = new()
    {
        ["refused query (400)"] = () => Task.FromResult(new Failure(_ => { }, _ => { }, typeof(CmuServiceException), Refused: true)),
        ["server error (500)"] = () => Task.FromResult(Faulted("500", typeof(CmuServiceException))),
        ["throttled (429)"] = () => Task.FromResult(Faulted("429", typeof(CmuServiceException))),
        ["dropped connection"] = () => Task.FromResult(Faulted("drop", typeof(CmuTransportException))),
        ["connection lost mid-body"] = () => Task.FromResult(Faulted("cut", typeof(CmuTransportException))),
        // CSV is copied as it comes, so only the JSON reads can tell a garbled body.
        ["malformed body"] = () => Task.FromResult(Faulted("garble", typeof(CmuServiceException))),
        ["attempt timeout"] = () => Task.FromResult(Faulted("delay=30000", typeof(CmuTimeoutException)) with
        {
            // Long enough for the registration and token requests (no fault) on a busy machine.
            Configure = o => (o.Resilience.MaxRetryAttempts, o.Resilience.AttemptTimeout) = (0, TimeSpan.FromSeconds(2)),
        }),
        ["refused connection"] = () => Task.FromResult(new Failure(
            o => o.Resilience.MaxRetryAttempts = 0,
            b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => new RefuseOnSendHandler(_ => true)),
            typeof(CmuTransportException))),
        ["open circuit"] = async () =>
        {
            var control = new CircuitBreakerManualControl();
            await control.IsolateAsync();
            return new Failure(_ => { }, b => b.UsageReportsHttpClient.AddResilienceHandler("test-breaker", p => p.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions { ManualControl = control })), typeof(CmuTransportException));
        },
        ["rate limiter"] = () =>
        {
            var limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = 1, Window = TimeSpan.FromHours(1), QueueLimit = 0 });
            limiter.AttemptAcquire(); // The window's one permit is gone: every call is rejected.
            return Task.FromResult(new Failure(_ => { }, b => b.UsageReportsHttpClient.AddResilienceHandler("test-limiter", p => p.AddRateLimiter(limiter)), typeof(CmuTransportException)));
        },
        ["token request refused"] = () => Task.FromResult(new Failure(
            o => o.Resilience.MaxRetryAttempts = 0,
            b => b.TokenHttpClient.AddHttpMessageHandler(() => new FaultOnSendHandler("500", _ => true)),
            typeof(CmuContracts.Auth.AccessTokenRequestException))),
    };

    private static readonly Dictionary<string, Func<IUsageReports, UsageReportQuery, Task>> Reads = new()
    {
        ["whole"] = (reports, query) => reports.GetReportAsync(query),
        ["streamed"] = async (reports, query) =>
        {
            await foreach (var _ in reports.GetRecordsAsync(query))
            {
            }
        },
        ["csv"] = (reports, query) => reports.CopyCsvAsync(query, Stream.Null),
    };

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var kind in Kinds.Keys)
        {
            foreach (var read in Reads.Keys.Where(r => r != "csv" || kind != "malformed body"))
            {
                cases.Add(kind, read);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryFailureKindReachesTheCallerAsACmuException(string kind, string read)
    {
        var failure = await Kinds[kind]();
        await using var emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false } });
        await using var host = CmuTestHost.Create(
            emulator,
            o =>
            {
                o.Resilience.MaxRetryAttempts = 0;
                failure.Configure(o);
            },
            failure.Build);
        var day = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-2);
        var query = failure.Refused
            ? UsageReportQuery.For("year", "month", "concurrency-level").Where("platform", "Roku") // CMU refuses the filter
            : UsageReportQuery.For("tenant", "year", "month", "day").Between(day, day.AddDays(1));

        var ex = await Record.ExceptionAsync(() => Reads[read](host.Services.GetRequiredService<IUsageReports>(), query));

        Assert.NotNull(ex);
        Assert.True(ex is CmuException, $"{kind}, {read}: {ex.GetType().FullName} escaped: {ex.Message}");
        Assert.True(ex.GetType() == failure.Expected, $"{kind}, {read}: {ex}");
        await host.AssertNoSecretsAsync(ex.ToString());
    }

    private static Failure Faulted(string fault, Type expected) => new(
        o => o.Resilience.MaxRetryAttempts = 0,
        b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => new FaultOnSendHandler(fault, _ => true)),
        expected);

    private sealed record Failure(Action<CmuClientOptions> Configure, Action<CmuClientBuilder> Build, Type Expected, bool Refused = false);
}
