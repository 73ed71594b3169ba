using CmuContracts.Auth;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.Tests.Pipeline;

public sealed class AccessFlowTests
{
    private static EmulatorOptions Quiet(int tokenLifetimeSeconds = 21600) =>
        new() { Throttle = { Enabled = false }, TokenLifetimeSeconds = tokenLifetimeSeconds };

    [Fact]
    public async Task AStatementBecomesAnAuthenticatedCMUCallWithOneRegistrationAndOneToken()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        await using var host = CmuTestHost.Create(emulator);

        var report = await host.Reports.GetTenantAsync();

        Assert.NotEmpty(report.Report!);
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(1, emulator.Stats.TokensIssued);
        Assert.Equal(1, emulator.Stats.CountOf("GET /cmu/v2/tenant", 200));
        await host.AssertNoSecretsAsync(report.ToString() ?? "");
    }

    [Fact]
    public async Task AThousandConcurrentCallsFromColdMakeOneRegistrationAndOneTokenRequest()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        // Loopback Kestrel refuses a 1,000-connection burst on this machine: 64 connections carry the calls.
        await using var host = CmuTestHost.Create(
            emulator,
            o => { o.Resilience.AttemptTimeout = TimeSpan.FromMinutes(3); o.Resilience.TotalTimeout = TimeSpan.FromMinutes(5); },
            b => b.UsageReportsHttpClient.UseSocketsHttpHandler((handler, _) => handler.MaxConnectionsPerServer = 64));
        var reports = host.Reports;

        // One day per call keeps the emulator's work small: the subject is the token, not the report.
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var calls = Enumerable.Range(0, 1000).Select(_ => Task.Run(() => reports.GetTenantYearMonthDayAsync(start: today)));
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.NotEmpty(r.Report!));
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(1, emulator.Stats.TokensIssued);
        Assert.Equal(1000, emulator.Stats.CountOf("GET /cmu/v2/tenant/year/month/day", 200));
        await host.AssertNoSecretsAsync();
    }

    [Fact]
    public async Task ATokenNearExpiryIsRenewedTransparentlyWithoutRegisteringAgain()
    {
        // The client's clock is fake: 60 s lifetime, 60 s buffer capped at half the lifetime -> renew after 30 s.
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet(tokenLifetimeSeconds: 60));
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = CmuTestHost.Create(emulator, timeProvider: clock);

        await host.Reports.GetTenantAsync();
        var first = await host.Tokens.GetAccessTokenAsync();
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Same(first, await host.Tokens.GetAccessTokenAsync());
        clock.Advance(TimeSpan.FromSeconds(2));
        await host.Reports.GetTenantAsync();
        var second = await host.Tokens.GetAccessTokenAsync();

        // A new token was obtained at the client's (fake) time; its text may equal the first one's, because the
        // emulator signs the same claims deterministically when both are issued within one real second.
        Assert.NotSame(first, second);
        Assert.Equal(clock.GetUtcNow(), second.IssuedAt);
        Assert.True(second.ExpiresAt > first.ExpiresAt);
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(2, emulator.Stats.TokensIssued);
        Assert.Equal(0, emulator.Stats.CountOf("GET /cmu/v2/tenant", 401));
    }

    [Fact]
    public async Task One401RenewsTheTokenAndResendsOnce()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("expire-token", send => send == 1);
        await using var host = CmuTestHost.Create(emulator, build: b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => fault));

        var report = await host.Reports.GetTenantAsync();

        Assert.NotEmpty(report.Report!);
        Assert.Equal(1, emulator.Stats.CountOf("GET /cmu/v2/tenant", 401));
        Assert.Equal(1, emulator.Stats.CountOf("GET /cmu/v2/tenant", 200));
        Assert.Equal(2, emulator.Stats.TokensIssued);
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Contains(host.Logs.Lines, l => l.Contains("renewing the access token", StringComparison.Ordinal));
        await host.AssertNoSecretsAsync();
    }

    [Fact]
    public async Task APersistent401IsAClearExceptionAfterOneRenewal()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("expire-token", _ => true);
        await using var host = CmuTestHost.Create(emulator, build: b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => fault));

        var ex = await Assert.ThrowsAsync<CmuAuthenticationException>(() => host.Reports.GetTenantAsync());

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("getTenant", ex.OperationId);
        Assert.Equal(2, emulator.Stats.CountOf("GET /cmu/v2/tenant", 401));
        Assert.Equal(2, emulator.Stats.TokensIssued);
        Assert.Equal(1, emulator.Stats.Registrations);
        await host.AssertNoSecretsAsync(ex.ToString());
    }

    [Fact]
    public async Task ARevokedClientOnCMURegistersAgainExactlyOnce()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("revoke-client", send => send == 2);
        await using var host = CmuTestHost.Create(emulator, build: b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => fault));

        await host.Reports.GetTenantAsync();
        var report = await host.Reports.GetTenantAsync(); // the client is forgotten: 401, then invalid_client at the token endpoint

        Assert.NotEmpty(report.Report!);
        Assert.Equal(2, emulator.Stats.Registrations);
        Assert.Equal(1, emulator.Stats.CountOf("POST /o/client/token", 400));
        await host.AssertNoSecretsAsync();
    }

    [Fact]
    public async Task AMalformedStatementThrowsItsExceptionAndSendsNothing()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        await using var host = CmuTestHost.Create(emulator, statement: "not-a-jwt");

        var ex = await Assert.ThrowsAsync<SoftwareStatementException>(() => host.Reports.GetTenantAsync());

        Assert.Equal(SoftwareStatementProblem.NotThreeSegments, ex.Problem);
        Assert.Empty(emulator.Stats.Requests);
    }

    [Fact]
    public async Task ARejectedStatementIsARegistrationExceptionWithTheServerError()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var unknown = Auth.TestJwt.Create("""{"sub":"unknown-app","iss":"auth.adobe.com","nbf":1}""");
        await using var host = CmuTestHost.Create(emulator, statement: unknown);

        var ex = await Assert.ThrowsAsync<ClientRegistrationException>(() => host.Reports.GetTenantAsync());

        Assert.Equal("invalid_software_statement", ex.ErrorCode);
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal(1, emulator.Stats.CountOf("POST /o/client/register", 400));
        Assert.Equal(0, emulator.Stats.CountOf("GET /cmu/v2/tenant"));
        Assert.DoesNotContain(unknown, ex.ToString(), StringComparison.Ordinal);
    }
}
