using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Reports;
using CmuContracts.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.Tests.Reports;

/// <summary>An emulator and an AddCmuClient service provider whose CMU requests are recorded.</summary>
internal sealed class ReportsTestHost : IAsyncDisposable
{
    private ReportsTestHost(AdobePassEmulator emulator, CmuTestHost host, WireRecorder wire)
    {
        Emulator = emulator;
        Host = host;
        Wire = wire;
    }

    public AdobePassEmulator Emulator { get; }

    public CmuTestHost Host { get; }

    public WireRecorder Wire { get; }

    public IUsageReports Reports => Host.Services.GetRequiredService<IUsageReports>();

    public static async Task<ReportsTestHost> StartAsync(Action<IHttpClientBuilder>? cmuHttp = null)
    {
        var emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false } });
        var wire = new WireRecorder();
        var host = CmuTestHost.Create(emulator, build: b =>
        {
            b.UsageReportsHttpClient.AddHttpMessageHandler(() => wire);
            cmuHttp?.Invoke(b.UsageReportsHttpClient);
        });
        return new ReportsTestHost(emulator, host, wire);
    }

    /// <summary>Midnight UTC, <paramref name="days"/> days ago: inside the emulator's retention window.</summary>
    public static DateTimeOffset DaysAgo(int days) => new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-days);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
