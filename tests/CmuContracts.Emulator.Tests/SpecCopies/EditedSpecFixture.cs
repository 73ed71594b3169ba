using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Tests.Infrastructure;
using CmuContracts.Tests.SpecEdits;

namespace CmuContracts.Emulator.Tests.SpecCopies;

/// <summary>
/// An emulator serving a copy of the spec with CMU additions the emulator's code does not name: a distinct metric
/// (<see cref="DistinctMetric"/>), an additive one (<see cref="AdditiveMetric"/>, additive per the shared
/// MetricAdditivity and absent from the repository's spec), a path of known dimensions (<see cref="NewPath"/>), and a
/// path with a newly declared dimension (<see cref="NewDimension"/>).
/// </summary>
public sealed class EditedSpecFixture : IAsyncLifetime, IDisposable
{
    public const string DistinctMetric = "paused-sessions";
    public const string AdditiveMetric = "duration_over-120";
    public const string NewPath = "/tenant/year/month/platform";
    public const string NewDimension = "occurrences";
    public const string NewDimensionPath = "/tenant/occurrences";

    private readonly SpecCopyFile _spec = new(Edit);
    private AdobePassEmulator? _emulator;
    private EmulatorClient? _client;
    private string? _token;

    public EmulatorClient Client => _client ?? throw new InvalidOperationException("Not started.");

    public string Token => _token ?? throw new InvalidOperationException("Not started.");

    public static string Edit(string spec)
    {
        spec = SpecText.AddMetric(spec, DistinctMetric);
        spec = SpecText.AddMetric(spec, AdditiveMetric);
        spec = SpecText.CopyPath(spec, "/tenant/year/month/mvpd", NewPath, "getTenantYearMonthPlatform");
        spec = SpecText.AddEnumValue(spec, "ReportDimension", NewDimension);
        return SpecText.CopyPath(spec, "/tenant/year", NewDimensionPath, "getTenantOccurrences");
    }

    public async Task InitializeAsync()
    {
        var options = SharedEmulatorFixture.Options();
        options.SpecPath = _spec.Path;
        _emulator = await AdobePassEmulator.StartAsync(options);
        _client = new EmulatorClient(_emulator);
        _token = await _client.AccessTokenAsync();
    }

    public void Dispose()
    {
        _client?.Dispose();
        _spec.Dispose();
    }

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
