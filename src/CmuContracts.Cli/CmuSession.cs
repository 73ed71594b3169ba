using CmuContracts.Cli.Configuration;
using CmuContracts.Cli.Output;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CmuContracts.Cli;

/// <summary>
/// One command's client: <c>AddCmuClient</c> over the resolved settings, against the configured endpoints or, only
/// when asked for, an in-process emulator (127.0.0.1, its demo software statement) started for the command and
/// stopped after it.
/// </summary>
internal sealed class CmuSession : IAsyncDisposable
{
    private CmuSession(ServiceProvider services, CmuClientOptions options, AdobePassEmulator? emulator)
    {
        Services = services;
        Options = options;
        Emulator = emulator;
    }

    public ServiceProvider Services { get; }

    /// <summary>The validated options in effect.</summary>
    public CmuClientOptions Options { get; }

    /// <summary>The embedded emulator, when the command runs against it.</summary>
    public AdobePassEmulator? Emulator { get; }

    /// <exception cref="CliUsageException">The settings are invalid (the message names the setting).</exception>
    public static async Task<CmuSession> StartAsync(CliSettings settings, Notices notices, CancellationToken cancellationToken)
    {
        settings.RequireEndpoint();
        var values = new Dictionary<string, string?>(settings.Values, StringComparer.OrdinalIgnoreCase);
        AdobePassEmulator? emulator = null;
        if (settings.UseEmulator)
        {
            // The emulator's own logs would mix with the tool's output; its counters remain for --verbose.
            var emulatorOptions = new EmulatorOptions { ConfigureLogging = logging => logging.ClearProviders() };
            emulator = await AdobePassEmulator.StartAsync(emulatorOptions, cancellationToken).ConfigureAwait(false);
            values["RegistrationBaseAddress"] = emulator.RegistrationBaseAddress.ToString();
            values["CmuBaseAddress"] = emulator.CmuBaseAddress.ToString();
            values["SoftwareStatement"] = emulator.IssueSoftwareStatement("demo");
            values.Remove("SoftwareStatementPath");
            values.Remove("Environment");

            // The emulator signs with a key of its own per start, so credentials from it are worthless later.
            values.Remove("CredentialStorePath");
            values["CredentialStorage"] = "Memory";
            notices.Info($"using the embedded emulator at {emulator.BaseAddress} (demo software statement, synthetic data)");
        }

        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.ClearProviders();
            if (notices.Verbose)
            {
                logging.SetMinimumLevel(LogLevel.Debug);
                logging.AddProvider(new StandardErrorLoggerProvider(notices.Writer));
            }
        });
        services.AddCmuClient(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        var provider = services.BuildServiceProvider();
        CmuClientOptions options;
        try
        {
            options = provider.GetRequiredService<IOptions<CmuClientOptions>>().Value;
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
        {
            await provider.DisposeAsync().ConfigureAwait(false);
            if (emulator is not null)
            {
                await emulator.DisposeAsync().ConfigureAwait(false);
            }

            var message = ex is OptionsValidationException validation ? string.Join(" ", validation.Failures) : ex.Message;
            throw new CliUsageException(message.Replace("CmuClientOptions.", "setting ", StringComparison.Ordinal));
        }

        notices.Detail($"registration endpoint {options.EffectiveRegistrationBaseAddress}, CMU endpoint {options.EffectiveCmuBaseAddress}, credentials {options.CredentialStorePath ?? "in memory"}");
        return new CmuSession(provider, options, emulator);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync().ConfigureAwait(false);
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
