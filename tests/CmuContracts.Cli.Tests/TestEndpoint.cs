using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Cli.Tests;

/// <summary>An emulator the test owns, so it can count registrations; the tool reaches it as a "real" endpoint.</summary>
internal sealed class TestEndpoint : IAsyncDisposable
{
    private TestEndpoint(AdobePassEmulator emulator, string directory)
    {
        Emulator = emulator;
        Directory = directory;
    }

    public AdobePassEmulator Emulator { get; }

    public string Directory { get; }

    public static async Task<TestEndpoint> StartAsync()
    {
        var emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false }, ConfigureLogging = l => l.ClearProviders() });
        return new TestEndpoint(emulator, TempDirectory.Create());
    }

    /// <summary>Writes a statement of <paramref name="application"/> and returns its path.</summary>
    public string StatementFile(string application = "demo")
    {
        var path = Path.Combine(Directory, application + ".jwt");
        File.WriteAllText(path, Emulator.IssueSoftwareStatement(application) + "\n");
        return path;
    }

    /// <summary>Flags pointing the tool at this emulator (its CMU reports through <paramref name="cmu"/> when given, e.g. a <see cref="CmuProxy"/>).</summary>
    public string[] Flags(string statementFile, string? credentials = null, Uri? cmu = null) =>
    [
        "--registration-url", Emulator.RegistrationBaseAddress.ToString(),
        "--cmu-url", (cmu ?? Emulator.CmuBaseAddress).ToString(),
        "--statement", statementFile,
        .. credentials is null ? Array.Empty<string>() : ["--credentials", credentials],
    ];

    public long Registrations => Emulator.Stats.Registrations;

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
