using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// Dropped, refused and slow connections over real loopback HTTP. A GET is retried after any of them; a POST
/// only when the connection was refused (nothing was sent), never after a drop or a timeout mid-request.
/// </summary>
public sealed class ConnectionFaultTests
{
    private static EmulatorOptions Quiet() => new() { Throttle = { Enabled = false } };

    [Fact]
    public async Task A_dropped_report_connection_is_retried_and_the_report_is_correct()
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
    public async Task A_refused_connection_is_retried_even_for_a_POST_because_nothing_was_sent(string endpoint)
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
    public async Task A_report_slower_than_the_attempt_timeout_is_abandoned_and_retried()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("delay=10000", send => send == 1);
        // 2 s: the cold start's registration shares the attempt timeout and must not hit it.
        await using var host = CmuTestHost.Create(
            emulator,
            o => o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(2),
            b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => fault));

        var report = await DayReport.GetAsync(host.Reports);

        Assert.NotEmpty(report.Report);
        Assert.Equal(2, fault.Sends);
        Assert.True(fault.Gap(2) >= TimeSpan.FromSeconds(2) - FaultOnSendHandler.TimerSlack, $"retried after {fault.Gap(2)}");
        Assert.Equal(1, emulator.Stats.CountOf(DayReport.Endpoint, 200));
    }

    [Theory]
    [InlineData("register", "drop")]
    [InlineData("token", "drop")]
    [InlineData("register", "delay=10000")]
    [InlineData("token", "delay=10000")]
    public async Task A_POST_the_server_may_have_processed_is_not_resent(string endpoint, string fault)
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var faults = new FaultOnSendHandler(fault, send => send == 1);
        // 2 s: the first registration also JIT-compiles the emulator, and must not time out itself.
        await using var host = CmuTestHost.Create(
            emulator,
            o => o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(2),
            b => StatusFaultTests.Client(b, endpoint).AddHttpMessageHandler(() => faults));

        var ex = await ThrowsTypedAsync(endpoint, () => DayReport.GetAsync(host.Reports));
        Assert.IsType(fault == "drop" ? typeof(HttpRequestException) : typeof(Polly.Timeout.TimeoutRejectedException), ex.InnerException);
        Assert.Equal(1, faults.Sends);
        Assert.Equal(0, emulator.Stats.CountOf(DayReport.Endpoint));

        // Nothing failed was kept: the next call completes the flow, registering exactly once in all.
        var report = await DayReport.GetAsync(host.Reports);
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
    public async Task The_total_timeout_ends_a_call_whose_every_attempt_is_too_slow()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("delay=30000", _ => true);
        await using var host = CmuTestHost.Create(
            emulator,
            o =>
            {
                o.Resilience.MaxRetryAttempts = 10;
                // Long enough for a cold emulator's first registration, which shares these options.
                o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(2);
                o.Resilience.TotalTimeout = TimeSpan.FromSeconds(5);
            },
            b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => fault));
        await host.Tokens.GetAccessTokenAsync();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        // A CMU call is a Refit call: its transport failure is Refit's ApiRequestException.
        var ex = await Assert.ThrowsAsync<Refit.ApiRequestException>(() => DayReport.GetAsync(host.Reports));

        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(ex.InnerException);
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) >= TimeSpan.FromSeconds(5) - FaultOnSendHandler.TimerSlack);
        // 11 attempts of 2 s cannot fit in 5 s: the total timeout, not the retry count, ended the call.
        // (How many fit depends on the machine's load: at least the first.)
        Assert.InRange(fault.Sends, 1, 10);
        Assert.Equal(0, emulator.Stats.CountOf(DayReport.Endpoint, 200));
    }
}
