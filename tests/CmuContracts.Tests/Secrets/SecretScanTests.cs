using System.Diagnostics;
using System.Diagnostics.Metrics;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Sdk;

namespace CmuContracts.Tests.Secrets;

/// <summary>
/// Every test host ends with a scan of what was logged, thrown, measured and traced during its life (see
/// <see cref="CmuTestHost"/>); these tests prove the scan sees every path of the flow and finds what it looks for.
/// </summary>
public sealed class SecretScanTests
{
    [Fact]
    public async Task EveryPathOfTheFlowLeavesNoSecretInLogsExceptionsMeasurementsOrActivities()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false } });
        var faults = new FaultOnSendHandler(send => send switch { 2 => "expire-token", 4 => "revoke-client", _ => null });
        var host = CmuTestHost.Create(emulator, build: b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => faults));

        await DayReport.GetAsync(host.Reports);  // registers, gets a token
        await DayReport.GetAsync(host.Reports);  // 401, renews, resends
        await DayReport.GetAsync(host.Reports);  // revoked: 401, invalid_client, registers again
        var statusFault = new FaultOnSendHandler("503", _ => true);
        await using (var failing = CmuTestHost.Create(emulator, o => o.Resilience.MaxRetryAttempts = 1, b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => statusFault)))
        {
            await Assert.ThrowsAsync<CmuServiceException>(() => DayReport.GetAsync(failing.Reports));
        }

        var scan = host.Scan;
        Assert.True(scan.Secrets.CountOf(SecretKind.ClientSecret) >= 2, "knew fewer than two client secrets");
        Assert.True(scan.Secrets.CountOf(SecretKind.AccessToken) >= 2, "knew fewer than two access tokens");
        Assert.True(scan.Secrets.CountOf(SecretKind.SoftwareStatement) >= 1, "knew no software statement");
        await host.DisposeAsync();  // scans; throws on a finding
        Assert.True(scan.CountOf(TextSource.Log) >= 20, $"saw {scan.CountOf(TextSource.Log)} log lines");
        Assert.True(scan.CountOf(TextSource.Exception) >= 1, "saw no exception");
        Assert.True(scan.CountOf(TextSource.MetricTag) >= 1, "saw no measurement");
        Assert.True(scan.CountOf(TextSource.ActivityTag) >= 1, "saw no activity");
    }

    [Fact]
    public async Task ASecretInALogAnExceptionAMetricOrAnActivityFailsTheHostsTestAndIsRedactedInTheReport()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false } });
        var host = CmuTestHost.Create(emulator);
        await DayReport.GetAsync(host.Reports);
        var token = (await host.Tokens.GetAccessTokenAsync()).Value;
        var credentials = await host.CurrentCredentialsAsync();
        Assert.NotNull(credentials);

        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("planted").Log(LogLevel.Information, new EventId(1), "token " + token, null, (state, _) => state);
        try
        {
            throw new InvalidOperationException("secret " + credentials.ClientSecret);
        }
        catch (InvalidOperationException)
        {
            // Thrown only for the first-chance observer.
        }

        // Not the host's real statement: its payload (sub, iss, iat) is the same for every host that asked the emulator
        // for the demo application's statement in the same second, so planting it would fail those hosts' scans too.
        var statement = "eyJhbGciOiJSUzI1NiJ9." + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N") + "." + Guid.NewGuid().ToString("N");
        host.Scan.Secrets.Add(SecretKind.SoftwareStatement, statement);
        using (var meter = new Meter("CmuContracts.Tests.Planted"))
        {
            meter.CreateCounter<long>("planted").Add(1, new KeyValuePair<string, object?>("statement", statement));
        }

        using (var source = new ActivitySource("CmuContracts.Tests.Planted"))
        using (var activity = source.StartActivity("planted"))
        {
            activity?.SetTag("token", token);
        }

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => host.DisposeAsync().AsTask());
        foreach (var source in new[] { "Log:", "Exception:", "MetricTag:", "ActivityTag:" })
        {
            Assert.Contains(source, failure.Message, StringComparison.Ordinal);
        }

        Assert.Contains("<AccessToken>", failure.Message, StringComparison.Ordinal);
        Assert.Contains("<ClientSecret>", failure.Message, StringComparison.Ordinal);
        Assert.Contains("<SoftwareStatement>", failure.Message, StringComparison.Ordinal);
        foreach (var secret in new[] { token, token.Split('.')[1], credentials.ClientSecret, statement.Split('.')[1] })
        {
            Assert.DoesNotContain(secret, failure.Message, StringComparison.Ordinal);
        }
    }
}
