using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// Dropped, refused and slow connections over real loopback HTTP. A GET is retried after any of them; a POST
/// only when the connection was refused (nothing was sent), never after a drop or a timeout mid-request.
/// </summary>
public sealed class ConnectionFaultTests
{
    /// <summary>Short, and harmless: the client's clock is fake, so it only passes when the test moves it.</summary>
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    private static EmulatorOptions Quiet() => new() { Throttle = { Enabled = false } };

    [Fact]
    public async Task ADroppedReportConnectionIsRetriedAndTheReportIsCorrect()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("drop", send => send == 1);
        await using var host = CmuTestHost.Create(emulator, build: b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => fault));

        var report = await DayReport.GetAsync(host.Reports);
        var again = await DayReport.GetAsync(host.Reports);

        Assert.Equal(ReportDigest.Of(again), ReportDigest.Of(report));
        Assert.Equal(1, emulator.Stats.CountOf(DayReport.Endpoint, 0));
        Assert.Equal(2, emulator.Stats.CountOf(DayReport.Endpoint, 200));
        Assert.Equal(1, emulator.Stats.Registrations);
    }

    [Theory]
    [InlineData("register")]
    [InlineData("token")]
    public async Task ARefusedConnectionIsRetriedEvenForAPOSTBecauseNothingWasSent(string endpoint)
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var refuse = new RefuseOnSendHandler(send => send == 1);
        await using var host = CmuTestHost.Create(emulator, build: b => StatusFaultTests.Client(b, endpoint).AddHttpMessageHandler(() => refuse));

        var report = await DayReport.GetAsync(host.Reports);

        Assert.NotEmpty(report.Report);
        Assert.Equal(2, refuse.Sends);
        Assert.Equal(1, emulator.Stats.CountOf($"POST /o/client/{endpoint}"));
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(1, emulator.Stats.TokensIssued);
    }

    [Fact]
    public async Task AReportSlowerThanTheAttemptTimeoutIsAbandonedAndRetried()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        // The client's clock is fake: however slow the machine, only the test's move of the clock times an attempt out.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var fault = new FaultOnSendHandler("delay=60000", send => send == 1, clock);
        await using var host = CmuTestHost.Create(
            emulator,
            o => o.Resilience.AttemptTimeout = AttemptTimeout,
            b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => fault),
            timeProvider: clock);

        var call = DayReport.GetAsync(host.Reports);
        await ClientClock.UntilAsync(() => fault.Sends == 1, call);
        clock.Advance(AttemptTimeout);
        var report = await clock.CreepAsync(call);

        Assert.NotEmpty(report.Report);
        Assert.Equal(2, fault.Sends);
        Assert.True(fault.Gap(2) >= AttemptTimeout, $"retried after {fault.Gap(2)}");
        Assert.Equal(1, emulator.Stats.CountOf(DayReport.Endpoint, 200));
    }

    [Theory]
    [InlineData("register", "drop")]
    [InlineData("token", "drop")]
    [InlineData("register", "delay=60000")]
    [InlineData("token", "delay=60000")]
    public async Task APOSTTheServerMayHaveProcessedIsNotResent(string endpoint, string fault)
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var faults = new FaultOnSendHandler(fault, send => send == 1, clock);
        await using var host = CmuTestHost.Create(
            emulator,
            o => o.Resilience.AttemptTimeout = AttemptTimeout,
            b => StatusFaultTests.Client(b, endpoint).AddHttpMessageHandler(() => faults),
            timeProvider: clock);

        var call = DayReport.GetAsync(host.Reports);
        if (fault.StartsWith("delay=", StringComparison.Ordinal))
        {
            await ClientClock.UntilAsync(() => faults.Sends == 1, call);
            clock.Advance(AttemptTimeout);
        }

        // The clock creeps on, so a wrongful retry would run (after its backoff) and be seen.
        var ex = await ThrowsTypedAsync(endpoint, () => clock.CreepAsync(call));
        var cause = Assert.IsAssignableFrom<CmuTransportException>(ex.InnerException);
        Assert.IsType(fault == "drop" ? typeof(CmuTransportException) : typeof(CmuTimeoutException), cause);
        Assert.IsType(fault == "drop" ? typeof(HttpRequestException) : typeof(Polly.Timeout.TimeoutRejectedException), cause.InnerException);
        Assert.Equal(1, faults.Sends);
        Assert.Equal(0, emulator.Stats.CountOf(DayReport.Endpoint));

        // Nothing failed was kept: the next call completes the flow, registering exactly once in all.
        var report = await clock.CreepAsync(DayReport.GetAsync(host.Reports));
        Assert.NotEmpty(report.Report);
        Assert.Equal(2, faults.Sends);
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(1, emulator.Stats.TokensIssued);
        await host.AssertNoSecretsAsync(ex.ToString());
    }

    // The pipeline's typed exception for the POST the CMU call needed, the transport cause inside it.
    private static async Task<Exception> ThrowsTypedAsync(string endpoint, Func<Task> call) => endpoint == "register"
        ? await Assert.ThrowsAsync<CmuContracts.Auth.ClientRegistrationException>(call)
        : await Assert.ThrowsAsync<CmuContracts.Auth.AccessTokenRequestException>(call);

    [Fact]
    public async Task TheTotalTimeoutEndsACallWhoseEveryAttemptIsTooSlow()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var fault = new FaultOnSendHandler("delay=60000", _ => true, clock);
        var total = TimeSpan.FromSeconds(5);
        await using var host = CmuTestHost.Create(
            emulator,
            o =>
            {
                o.Resilience.MaxRetryAttempts = 10;
                o.Resilience.AttemptTimeout = AttemptTimeout;
                o.Resilience.TotalTimeout = total;
            },
            b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => fault),
            timeProvider: clock);
        await clock.CreepAsync(host.Tokens.GetAccessTokenAsync().AsTask());

        // The total timeout is the library's CmuTimeoutException, Polly's inside.
        var ex = await Assert.ThrowsAsync<CmuTimeoutException>(
            () => clock.TimeOutEverySendAsync(DayReport.GetAsync(host.Reports), fault, AttemptTimeout));

        // The total timeout, not an attempt's nor the retry count, ended the call: attempts of 2 s with backoffs of at
        // most 200 ms (MaxDelay) start three times within 5 s, and 11 were allowed.
        Assert.Equal(total, Assert.IsType<Polly.Timeout.TimeoutRejectedException>(ex.InnerException).Timeout);
        Assert.Equal(total, ex.Timeout);
        Assert.Equal(3, fault.Sends);
        Assert.Equal(0, emulator.Stats.CountOf(DayReport.Endpoint, 200));
    }
}
