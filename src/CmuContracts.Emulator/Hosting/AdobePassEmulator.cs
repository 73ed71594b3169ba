using CmuContracts.Emulator.Options;
using CmuContracts.Emulator.SoftwareStatements;
using CmuContracts.Emulator.Stats;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.Emulator.Hosting;

/// <summary>
/// The emulator running in-process on a free 127.0.0.1 port. Dispose it to stop it.
/// <code>await using var emulator = await AdobePassEmulator.StartAsync();</code>
/// </summary>
public sealed class AdobePassEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AdobePassEmulator(WebApplication app, Uri baseAddress, EmulatorOptions options)
    {
        _app = app;
        BaseAddress = baseAddress;
        Options = options;
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary><c>{base}/o/</c>: the DCR and token endpoints live at <c>client/register</c> and <c>client/token</c> below it.</summary>
    public Uri RegistrationBaseAddress => new(BaseAddress, "o/");

    /// <summary><c>{base}/cmu/v2/</c>: the CMU report paths live below it.</summary>
    public Uri CmuBaseAddress => new(BaseAddress, "cmu/v2/");

    /// <summary>The options the emulator runs with.</summary>
    public EmulatorOptions Options { get; }

    /// <summary>The running app's services (for advanced tests).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts an emulator; <paramref name="options"/> defaults to <see cref="EmulatorOptions"/>'s defaults.</summary>
    public static async Task<AdobePassEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var app = EmulatorComposition.Build(options, [0]);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new AdobePassEmulator(app, new Uri($"http://127.0.0.1:{port}/"), options);
    }

    /// <summary>A fresh software statement for an application (by name or id), as <c>GET /emulator/software-statements/{app}</c> gives.</summary>
    public string IssueSoftwareStatement(string application = "demo")
    {
        var registry = _app.Services.GetRequiredService<ApplicationRegistry>();
        var app = registry.Find(application) ?? throw new ArgumentException($"Unknown application '{application}'.", nameof(application));
        return _app.Services.GetRequiredService<SoftwareStatementIssuer>().Issue(app);
    }

    /// <summary>The counters <c>GET /emulator/stats</c> returns.</summary>
    public StatsSnapshot Stats => _app.Services.GetRequiredService<EmulatorStats>().Snapshot();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
