using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Emulator.Tests.Infrastructure;
using CmuContracts.Tests.SpecEdits;

namespace CmuContracts.Emulator.Tests.SpecCopies;

/// <summary><see cref="EmulatorOptions.SpecPath"/>: which spec the emulator serves, in-process and standalone.</summary>
public sealed class SpecPathOptionTests
{
    [Fact]
    public void AMissingSpecFileIsAnOptionsError()
    {
        var missing = Path.Combine(Path.GetTempPath(), "cmu-no-such-dir", "spec.yaml");

        var errors = EmulatorOptionsValidator.Validate(new EmulatorOptions { SpecPath = missing });

        var error = Assert.Single(errors);
        Assert.Contains($"SpecPath '{missing}' does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutSpecPathTheEmbeddedSpecIsServed()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(SharedEmulatorFixture.Options());
        using var client = new EmulatorClient(emulator);
        var token = await client.AccessTokenAsync();

        using var response = await client.ReportAsync(EditedSpecFixture.NewPath, token);
        using var metric = await client.ReportAsync("/year?metrics=" + EditedSpecFixture.DistinctMetric, token);
        using var doc = await client.ReportJsonAsync("/year", token);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, metric.StatusCode);
        Assert.All(ReportDoc.Records(doc), r => Assert.False(r.TryGetProperty(EditedSpecFixture.DistinctMetric, out _)));
    }

    [Fact]
    public async Task TheStandaloneSpecSwitchServesTheNamedFile()
    {
        using var spec = new SpecCopyFile(EditedSpecFixture.Edit);
        await using var emulator = await EmulatorProcess.StartAsync("--spec", spec.Path, "--Emulator:Now=2025-06-15T12:34:56Z", "--Emulator:Throttle:Enabled=false");
        using var client = new EmulatorClient(emulator.BaseAddress);
        var token = await client.AccessTokenAsync();

        using var doc = await client.ReportJsonAsync($"{EditedSpecFixture.NewPath}?start=2025-05&end=2025-06&metrics={EditedSpecFixture.DistinctMetric}", token);

        Assert.Equal(12, ReportDoc.Records(doc).Length);
        Assert.All(ReportDoc.Records(doc), r => Assert.True(ReportDoc.Metric(r, EditedSpecFixture.DistinctMetric) > 0));
    }
}
