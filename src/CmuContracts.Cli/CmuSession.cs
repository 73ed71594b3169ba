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

    /// <exception cref="OptionsValidationException">The settings are invalid (each failure names the setting).</exception>
    public static async Task<CmuSession> StartAsync(CliSettings settings, Notices notices, CancellationToken cancellationToken)
    {
        settings.RequireEndpoint();
        AdobePassEmulator? emulator = null;
        if (settings.UseEmulator)
        {
            // The emulator's own logs would mix with the tool's output; its counters remain for --verbose.
            var emulatorOptions = new EmulatorOptions { ConfigureLogging = logging => logging.ClearProviders() };
            emulator = await AdobePassEmulator.StartAsync(emulatorOptions, cancellationToken).ConfigureAwait(false);
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

        // The settings file and variables are bound by the library; flags and the emulator then set typed values.
        services.AddCmuClient(settings.Configuration);
        var statement = emulator?.IssueSoftwareStatement("demo");
        services.Configure<CmuClientOptions>(options =>
        {
            settings.Apply(options);
            if (emulator is not null)
            {
                options.Environment = CmuEnvironment.Production;
                options.RegistrationBaseAddress = emulator.RegistrationBaseAddress;
                options.CmuBaseAddress = emulator.CmuBaseAddress;
                options.SoftwareStatement = statement;
                options.SoftwareStatementPath = null;

                // The emulator signs with a key of its own per start, so credentials from it are worthless later.
                options.CredentialStorage = Auth.CredentialStorage.Memory;
                options.CredentialStorePath = null;
            }
        });
        var provider = services.BuildServiceProvider();
        CmuClientOptions options;
        try
        {
            options = provider.GetRequiredService<IOptions<CmuClientOptions>>().Value;
        }
        catch (OptionsValidationException)
        {
            // The error reporter names the settings; only what this session started is undone here.
            await provider.DisposeAsync().ConfigureAwait(false);
            if (emulator is not null)
            {
                await emulator.DisposeAsync().ConfigureAwait(false);
            }

            throw;
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
