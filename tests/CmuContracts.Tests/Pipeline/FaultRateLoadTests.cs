using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;

namespace CmuContracts.Tests.Pipeline;

/// <summary>Many concurrent calls against an emulator that answers a share of all requests with 503.</summary>
public sealed class FaultRateLoadTests
{
    [Fact]
    public async Task TwoHundredReportsAtFiftyConcurrencyWithTenPercent503sAllSucceedWithOneRegistration()
    {
        // Every request the emulator sees (registration and token included) is a 503 with probability 0.1.
        await using var emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions
        {
            Throttle = { Enabled = false },
            Faults = { ServiceUnavailable = 0.1, Seed = 7 },
        });
        // Six retries: a call fails only after seven 503s in a row (p = 1e-7), so "all succeed" is not luck.
        await using var host = CmuTestHost.Create(emulator, o => o.Resilience.MaxRetryAttempts = 6);

        var digests = new string[200];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, 200),
            new ParallelOptions { MaxDegreeOfParallelism = 50 },
            async (i, ct) => digests[i] = ReportDigest.Of(await DayReport.GetAsync(host.Reports, ct)));

        var expected = digests[0];
        Assert.NotEmpty(expected);
        Assert.All(digests, d => Assert.Equal(expected, d));
        Assert.Equal(200, emulator.Stats.CountOf(DayReport.Endpoint, 200));
        Assert.InRange(emulator.Stats.CountOf(DayReport.Endpoint, 503), 1, 200); // the faults really happened
        Assert.Equal(1, emulator.Stats.Registrations);
        Assert.Equal(1, emulator.Stats.TokensIssued);
        await host.AssertNoSecretsAsync();
    }
}
