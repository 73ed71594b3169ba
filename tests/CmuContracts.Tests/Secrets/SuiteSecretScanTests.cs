using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CmuContracts.Tests.Secrets;

/// <summary>
/// The last test of the run: nothing logged, thrown, measured or traced by any test host during the whole
/// suite contains a client secret, an access token or a software statement the emulator issued or a host used.
/// </summary>
[Collection(SecretScanGroup.Name)]
public sealed class SuiteSecretScanTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Nothing_logged_thrown_measured_or_traced_during_the_suite_contains_a_secret()
    {
        // Its own flow first (registration, token, report, a 401 renewal, a registration again, a failure),
        // so that even run alone the scan knows a secret of every kind and has something to read.
        await RunEveryPathOfTheFlowAsync();
        SuiteObservers.CollectObservableInstruments();

        Assert.True(SuiteObservers.Started);
        Assert.True(CmuTestHost.Created >= 1);
        Assert.True(SuiteSecrets.CountOf(SecretKind.ClientSecret) >= 2, "knew no client secrets");
        Assert.True(SuiteSecrets.CountOf(SecretKind.AccessToken) >= 2, "knew no access tokens");
        Assert.True(SuiteSecrets.CountOf(SecretKind.SoftwareStatement) >= 1, "knew no software statements");
        Assert.True(SuiteTranscript.CountOf(TextSource.Log) >= 20, $"saw {SuiteTranscript.CountOf(TextSource.Log)} log lines");
        Assert.True(SuiteTranscript.CountOf(TextSource.Exception) >= 1, "saw no exception");
        Assert.True(SuiteTranscript.CountOf(TextSource.MetricTag) >= 1, "saw no measurement");
        Assert.True(SuiteTranscript.CountOf(TextSource.ActivityTag) >= 1, "saw no activity");

        // The scanner finds what it looks for (each kind, and a fragment inside a longer text).
        foreach (var kind in Enum.GetValues<SecretKind>())
        {
            var planted = Assert.Single(SuiteTranscript.Scan([(TextSource.Log, "prefix " + SuiteSecrets.Sample(kind) + " suffix")]));
            Assert.Contains("<" + kind + ">", planted, StringComparison.Ordinal);
            Assert.DoesNotContain(SuiteSecrets.Sample(kind), planted, StringComparison.Ordinal);
        }

        output.WriteLine(
            $"{CmuTestHost.Created} hosts; secrets known: {SuiteSecrets.CountOf(SecretKind.ClientSecret)} client secret, " +
            $"{SuiteSecrets.CountOf(SecretKind.AccessToken)} access token, {SuiteSecrets.CountOf(SecretKind.SoftwareStatement)} statement values; " +
            $"texts: {SuiteTranscript.CountOf(TextSource.Log)} log, {SuiteTranscript.CountOf(TextSource.Exception)} exception, " +
            $"{SuiteTranscript.CountOf(TextSource.MetricTag)} measurement, {SuiteTranscript.CountOf(TextSource.ActivityTag)} activity.");
        var findings = SuiteTranscript.Findings();
        Assert.True(findings.Count == 0, $"{findings.Count} texts carry a secret:\n" + string.Join('\n', findings.Take(20)));
    }

    private static async Task RunEveryPathOfTheFlowAsync()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false } });
        var fault = new FaultOnSendHandler("expire-token", send => send == 2);
        var revoke = new FaultOnSendHandler("revoke-client", send => send == 4);
        await using var host = CmuTestHost.Create(emulator, build: b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => fault).AddHttpMessageHandler(() => revoke));

        await DayReport.GetAsync(host.Reports);  // registers, gets a token
        await DayReport.GetAsync(host.Reports);  // 401, renews, resends
        await DayReport.GetAsync(host.Reports);  // revoked: 401, invalid_client, registers again

        var statusFault = new FaultOnSendHandler("503", _ => true);
        await using var failing = CmuTestHost.Create(emulator, o => o.Resilience.MaxRetryAttempts = 1, b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => statusFault));
        await Assert.ThrowsAsync<Refit.ApiException>(() => DayReport.GetAsync(failing.Reports));
    }
}
