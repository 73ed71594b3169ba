using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Tests.Infrastructure;
using CmuContracts.Tests.SpecEdits;

namespace CmuContracts.Emulator.Tests.SpecCopies;

/// <summary>A spec the emulator cannot serve faithfully stops its start with an error that names the problem.</summary>
public sealed class UnservableSpecTests
{
    [Fact]
    public async Task ASpecPathWithAnUndeclaredDimensionStopsTheStartNamingIt()
    {
        var error = await StartFailsAsync(s => SpecText.CopyPath(s, "/tenant/year", "/tenant/sparkles", "getTenantSparkles"));

        Assert.Contains("'/tenant/sparkles'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'sparkles'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ReportDimension", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASpecWithoutTheMetricEnumStopsTheStartNamingIt()
    {
        var error = await StartFailsAsync(s => s.ReplaceLineEndings("\n").Replace("    ReportMetric:\n", "    ReportMetricRenamed:\n", StringComparison.Ordinal));

        Assert.Contains("components.schemas.ReportMetric", error.Message, StringComparison.Ordinal);
    }

    private static async Task<InvalidOperationException> StartFailsAsync(Func<string, string> edit)
    {
        using var spec = new SpecCopyFile(edit);
        var options = SharedEmulatorFixture.Options();
        options.SpecPath = spec.Path;
        return await Assert.ThrowsAsync<InvalidOperationException>(() => AdobePassEmulator.StartAsync(options));
    }
}
