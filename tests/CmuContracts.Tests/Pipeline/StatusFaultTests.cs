using CmuContracts.Auth;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.Tests.Pipeline;

/// <summary>Injected 5xx, 408 and 429 answers over real loopback HTTP: retried per policy, results correct, nothing registered twice.</summary>
public sealed class StatusFaultTests
{
    private static EmulatorOptions Quiet() => new() { Throttle = { Enabled = false } };

    [Theory]
    [InlineData("503")]
    [InlineData("500")]
    [InlineData("408")]
    [InlineData("429")]
    public async Task AReportAnsweredWithATransientStatusIsRetriedAndCorrect(string status)
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler(status == "429" ? "429,retry-after=0" : status, send => send == 1);
        await using var host = CmuTestHost.Create(emulator, build: b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => fault));

        var report = await DayReport.GetAsync(host.Reports);
        var again = await DayReport.GetAsync(host.Reports);

        Assert.Equal(ReportDigest.Of(again), ReportDigest.Of(report));
        Assert.NotEmpty(report.Report);
        Assert.Equal(1, emulator.Stats.CountOf(DayReport.Endpoint, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(2, emulator.Stats.CountOf(DayReport.Endpoint, 200));
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(1, emulator.Stats.TokensIssued);
    }

    [Theory]
    [InlineData("register")]
    [InlineData("token")]
    public async Task A503OnAPOSTIsRetriedBecauseTheServerDidNotProcessIt(string endpoint)
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("503", send => send == 1);
        await using var host = CmuTestHost.Create(emulator, build: b => Client(b, endpoint).AddHttpMessageHandler(() => fault));

        var report = await DayReport.GetAsync(host.Reports);

        Assert.NotEmpty(report.Report);
        Assert.Equal(2, fault.Sends);
        Assert.Equal(1, emulator.Stats.CountOf($"POST /o/client/{endpoint}", 503));
        Assert.Equal(1, emulator.Stats.CountOf($"POST /o/client/{endpoint}", 201));
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(1, emulator.Stats.TokensIssued);
    }

    [Fact]
    public async Task A500OnRegistrationIsNotResentBecauseTheServerMayHaveRegistered()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("500", send => send == 1);
        await using var host = CmuTestHost.Create(emulator, build: b => b.RegistrationHttpClient.AddHttpMessageHandler(() => fault));

        var ex = await Assert.ThrowsAsync<ClientRegistrationException>(() => DayReport.GetAsync(host.Reports));
        Assert.Equal(500, ex.StatusCode);
        Assert.Equal(1, fault.Sends);

        // The failure was not cached: the next call registers (once) and succeeds.
        var report = await DayReport.GetAsync(host.Reports);
        Assert.NotEmpty(report.Report);
        Assert.Equal(2, fault.Sends);
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(1, emulator.Stats.CountOf("POST /o/client/register", 201));
        await host.AssertNoSecretsAsync(ex.ToString());
    }

    [Fact]
    public async Task AThrottledRegistrationWithoutRetryAfterWaitsAtLeastOneSecond()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("429", send => send == 1);
        // CmuTestHost's backoff is 20 ms: only the throttle rule can make the wait a second.
        await using var host = CmuTestHost.Create(emulator, build: b => b.RegistrationHttpClient.AddHttpMessageHandler(() => fault));

        await DayReport.GetAsync(host.Reports);

        Assert.Equal(2, fault.Sends);
        Assert.True(fault.Gap(2) >= TimeSpan.FromSeconds(1) - FaultOnSendHandler.TimerSlack, $"retried after {fault.Gap(2)}");
        Assert.Equal(1, emulator.Stats.CountOf("POST /o/client/register", 429));
        Assert.Equal(1, emulator.Stats.Registrations);
    }

    [Fact]
    public async Task ARetryAfterIsHonoured()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("429,retry-after=2", send => send == 1);
        await using var host = CmuTestHost.Create(
            emulator,
            o => o.Resilience.MaxDelay = TimeSpan.FromSeconds(5),
            b => b.TokenHttpClient.AddHttpMessageHandler(() => fault));

        await DayReport.GetAsync(host.Reports);

        Assert.Equal(2, fault.Sends);
        Assert.True(fault.Gap(2) >= TimeSpan.FromSeconds(2) - FaultOnSendHandler.TimerSlack, $"retried after {fault.Gap(2)}");
        Assert.Equal(1, emulator.Stats.TokensIssued);
    }

    [Fact]
    public async Task ARetryAfterBeyondMaxDelayIsNotCutShortButReturnedToTheCaller()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("503,retry-after=120", send => send == 1);
        await using var host = CmuTestHost.Create(emulator, build: b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => fault));

        var ex = await Assert.ThrowsAsync<CmuServiceException>(() => DayReport.GetAsync(host.Reports));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), ex.ApiException?.Headers.RetryAfter?.Delta);
        Assert.Equal(1, fault.Sends);
    }

    [Fact]
    public async Task AStatusThatPersistsGivesUpAfterTheConfiguredRetries()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("503", _ => true);
        await using var host = CmuTestHost.Create(
            emulator,
            o => o.Resilience.MaxRetryAttempts = 2,
            b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => fault));

        var ex = await Assert.ThrowsAsync<CmuServiceException>(() => DayReport.GetAsync(host.Reports));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(3, fault.Sends);
        Assert.Equal(3, emulator.Stats.CountOf(DayReport.Endpoint, 503));
        await host.AssertNoSecretsAsync(ex.ToString());
    }

    internal static IHttpClientBuilder Client(CmuClientBuilder builder, string endpoint) =>
        endpoint == "register" ? builder.RegistrationHttpClient : builder.TokenHttpClient;
}
