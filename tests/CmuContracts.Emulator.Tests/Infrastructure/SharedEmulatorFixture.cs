using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;

namespace CmuContracts.Emulator.Tests.Infrastructure;

/// <summary>One emulator (fixed clock, no throttling) shared by tests that do not disturb each other.</summary>
public sealed class SharedEmulatorFixture : IAsyncLifetime, IDisposable
{
    public static readonly DateTimeOffset Now = new(2025, 6, 15, 12, 34, 56, TimeSpan.Zero);

    private AdobePassEmulator? _emulator;
    private EmulatorClient? _client;
    private string? _token;

    public EmulatorClient Client => _client ?? throw new InvalidOperationException("Not started.");

    /// <summary>An access token of a <c>demo</c> client.</summary>
    public string Token => _token ?? throw new InvalidOperationException("Not started.");

    public static EmulatorOptions Options() => new() { Now = Now, Throttle = { Enabled = false } };

    public async Task InitializeAsync()
    {
        _emulator = await AdobePassEmulator.StartAsync(Options());
        _client = new EmulatorClient(_emulator);
        _token = await _client.AccessTokenAsync();
    }

    public void Dispose() => _client?.Dispose();

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
