using CmuContracts.Auth;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Tests.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// A renewal that fails while the cached token is still valid costs nothing: the token keeps serving (a warning and a
/// measurement say so) until it expires; only then do calls fail. Runs alone: it listens to the process-wide Meter.
/// </summary>
[Collection(SequentialGroup.Name)]
public sealed class RenewalFailureTests
{
    private static EmulatorOptions Quiet() => new() { Throttle = { Enabled = false } };

    [Fact]
    public async Task ATokenEndpointDownInATokensLastMinuteLeavesTheTokenServingUntilItExpires()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);

        // The first token request goes through; every later one is lost on the way (a POST: never re-sent).
        var drop = new FaultOnSendHandler("drop", send => send >= 2, clock);
        await using var host = CmuTestHost.Create(emulator, build: b => b.TokenHttpClient.AddHttpMessageHandler(() => drop), timeProvider: clock);
        using var recorder = new DiagnosticsRecorder();
        var first = await clock.CreepAsync(host.Tokens.GetAccessTokenAsync().AsTask());

        clock.Advance(first.Lifetime - TimeSpan.FromSeconds(30)); // inside the 60 s buffer: due for renewal, valid for 30 s more
        var report = await clock.CreepAsync(DayReport.GetAsync(host.Reports));

        Assert.NotEmpty(report.Report);
        Assert.Equal(2, drop.Sends); // the renewal was tried, and lost
        var warning = Assert.Single(host.Logs.Records, r => r.Category.StartsWith("CmuContracts.", StringComparison.Ordinal) && r.EventId.Id == 16);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal("RenewalFailedTokenKept", warning.EventId.Name);
        Assert.Contains(nameof(AccessTokenRequestException), warning.Message, StringComparison.Ordinal);
        var failure = Assert.Single(recorder.Of("cmu.token_renewal_failures"));
        Assert.Equal(1, failure.Value);
        Assert.Equal(nameof(AccessTokenRequestException), failure.Tag("error.type"));

        // Right after a failure the kept token is served without another attempt; a few seconds on, renewal is tried again.
        Assert.Same(first, await host.Tokens.GetAccessTokenAsync());
        Assert.Equal(2, drop.Sends);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Same(first, await clock.CreepAsync(host.Tokens.GetAccessTokenAsync().AsTask()));
        Assert.Equal(3, drop.Sends);

        // Once it has expired there is no valid token: the failure reaches the caller.
        clock.Advance(first.ExpiresAt - clock.GetUtcNow());
        await Assert.ThrowsAsync<AccessTokenRequestException>(() => clock.CreepAsync(host.Tokens.GetAccessTokenAsync().AsTask()));
        Assert.Equal(4, drop.Sends);
        Assert.Equal(1, emulator.Stats.TokensIssued);
        Assert.Equal(1, emulator.Stats.CountOf(DayReport.Endpoint, 200));
    }

    [Fact]
    public async Task ATokenTheServerRefusedIsNeverServedAfterItsRenewalFails()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var drop = new FaultOnSendHandler("drop", send => send >= 2);
        await using var host = CmuTestHost.Create(emulator, build: b => b.TokenHttpClient.AddHttpMessageHandler(() => drop));
        var first = await host.Tokens.GetAccessTokenAsync();

        await Assert.ThrowsAsync<AccessTokenRequestException>(() => host.Tokens.RenewAccessTokenAsync(first));
        await Assert.ThrowsAsync<AccessTokenRequestException>(() => host.Tokens.GetAccessTokenAsync().AsTask());

        Assert.Equal(3, drop.Sends);
    }
}
