using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace CmuContracts.Cli.Configuration;

/// <summary>
/// The client settings in effect: a settings file, then <c>CMU_*</c> environment variables (both configuration, keys
/// as <see cref="CmuClientOptions"/> names nested with <c>:</c>, bound by the library), then flags, which set typed
/// <see cref="CmuClientOptions"/> properties; each overrides the one before.
/// </summary>
internal sealed class CliSettings
{
    // Friendly variable names, the same words as the flags; any other CMU_X__Y names the option X:Y.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ENVIRONMENT"] = nameof(CmuClientOptions.Environment),
        ["REGISTRATION_URL"] = nameof(CmuClientOptions.RegistrationBaseAddress),
        ["CMU_URL"] = nameof(CmuClientOptions.CmuBaseAddress),
        ["STATEMENT"] = nameof(CmuClientOptions.SoftwareStatementPath),
        ["CREDENTIALS"] = nameof(CmuClientOptions.CredentialStorePath),
        ["REDIRECT_URI"] = nameof(CmuClientOptions.RedirectUri),
    };

    private static readonly HashSet<string> ToolVariables = new(StringComparer.OrdinalIgnoreCase) { "SETTINGS", "CONFIG_DIR", "EMULATOR" };

    private readonly Flags _flags;

    private CliSettings(IConfiguration configuration, Flags flags, bool useEmulator, string configDirectory, bool quiet, bool verbose)
    {
        Configuration = configuration;
        _flags = flags;
        UseEmulator = useEmulator;
        EndpointConfigured = flags.Environment is not null || flags.RegistrationBaseAddress is not null || flags.CmuBaseAddress is not null
            || HasValue(configuration, nameof(CmuClientOptions.Environment))
            || HasValue(configuration, nameof(CmuClientOptions.RegistrationBaseAddress))
            || HasValue(configuration, nameof(CmuClientOptions.CmuBaseAddress));
        ConfigDirectory = configDirectory;
        Quiet = quiet;
        Verbose = verbose;
    }

    /// <summary>The settings file and the <c>CMU_*</c> variables, as configuration for <c>AddCmuClient</c>.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>
    /// Run against the embedded emulator: only when asked for (<c>--emulator</c> or <c>CMU_EMULATOR=1</c>), never for
    /// lack of an endpoint, so synthetic numbers never pass for a real report.
    /// </summary>
    public bool UseEmulator { get; }

    /// <summary>An environment or a base address is set (settings file, variable or flag).</summary>
    public bool EndpointConfigured { get; }

    /// <summary>The user's cmu folder (credentials and settings defaults).</summary>
    public string ConfigDirectory { get; }

    public bool Quiet { get; }

    public bool Verbose { get; }

    /// <exception cref="CliUsageException">The settings file is missing or not JSON, or a flag's value is invalid.</exception>
    public static CliSettings Resolve(ParseResult parse, GlobalOptions options, CliConsole console)
    {
        var configDirectory = ConfigDirectoryOf(console);
        var builder = new ConfigurationBuilder();

        var explicitFile = parse.GetValue(options.Settings)?.FullName ?? console.Variable("CMU_SETTINGS");
        var file = explicitFile ?? Path.Combine(configDirectory, "settings.json");
        if (explicitFile is not null || File.Exists(file))
        {
            builder.AddConfiguration(ReadSettingsFile(file));
        }

        var variables = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in console.Environment)
        {
            if (!name.StartsWith("CMU_", StringComparison.OrdinalIgnoreCase) || value.Length == 0)
            {
                continue;
            }

            var rest = name[4..];
            if (!ToolVariables.Contains(rest))
            {
                variables[Aliases.TryGetValue(rest, out var key) ? key : rest.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] = value;
            }
        }

        var configuration = builder.AddInMemoryCollection(variables).Build();
        var flags = new Flags(
            EnvironmentFlag(parse.GetValue(options.Environment)),
            UriFlag("--registration-url", nameof(CmuClientOptions.RegistrationBaseAddress), parse.GetValue(options.RegistrationUrl)),
            UriFlag("--cmu-url", nameof(CmuClientOptions.CmuBaseAddress), parse.GetValue(options.CmuUrl)),
            parse.GetValue(options.Statement)?.FullName,
            parse.GetValue(options.Credentials)?.FullName,
            NonEmpty(parse.GetValue(options.RedirectUri)),
            Path.Combine(configDirectory, Auth.CmuUserFolder.CredentialsFileName));
        var requested = parse.GetValue(options.Emulator) || EmulatorVariable(console);
        return new CliSettings(configuration, flags, requested, configDirectory, parse.GetValue(options.Quiet), parse.GetValue(options.Verbose));
    }

    /// <summary>
    /// Sets what the flags give on <paramref name="options"/> (already bound from <see cref="Configuration"/>), and
    /// the credential file in the user's cmu folder when none is set and credentials are kept in a file.
    /// </summary>
    public void Apply(CmuClientOptions options)
    {
        options.Environment = _flags.Environment ?? options.Environment;
        options.RegistrationBaseAddress = _flags.RegistrationBaseAddress ?? options.RegistrationBaseAddress;
        options.CmuBaseAddress = _flags.CmuBaseAddress ?? options.CmuBaseAddress;
        if (_flags.StatementPath is { } statement)
        {
            options.SoftwareStatementPath = statement;
        }

        options.CredentialStorePath = _flags.CredentialStorePath ?? options.CredentialStorePath;
        options.RedirectUri = _flags.RedirectUri ?? options.RedirectUri;
        if (options.CredentialStorePath is null && options.CredentialStorage == Auth.CredentialStorage.File)
        {
            options.CredentialStorePath = _flags.DefaultCredentialStorePath;
        }
    }

    /// <summary>
    /// Fails unless the command has somewhere to send its requests: the embedded emulator when asked for, or a
    /// configured endpoint. Without both, an Adobe endpoint would be a guess and the emulator a fake.
    /// </summary>
    /// <exception cref="CliUsageException">Neither is set.</exception>
    public void RequireEndpoint()
    {
        if (!UseEmulator && !EndpointConfigured)
        {
            throw new CliUsageException(
                "no endpoint configured: pass --environment Production (or Staging, PreQualification, PreQualificationStaging; "
                + "or --registration-url and --cmu-url, or a settings file) for Adobe's service, or --emulator for the embedded emulator's synthetic demo data.");
        }
    }

    /// <summary>The user's cmu folder, resolved as the library resolves it (<see cref="Auth.CmuUserFolder"/>).</summary>
    public static string ConfigDirectoryOf(CliConsole console) => Auth.CmuUserFolder.Resolve(console.Variable)
        ?? throw new CliUsageException($"No home folder to keep the cmu settings and credentials in: set {Auth.CmuUserFolder.ConfigDirectoryVariable}.");

    private static IConfigurationRoot ReadSettingsFile(string file)
    {
        if (!File.Exists(file))
        {
            throw new CliUsageException($"The settings file '{file}' does not exist.");
        }

        try
        {
            return new ConfigurationBuilder().AddJsonFile(file, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException or System.Text.Json.JsonException)
        {
            throw new CliUsageException($"The settings file '{file}' is not a JSON object of settings: {FirstLine(ex.Message)}");
        }
    }

    private static CmuEnvironment? EnvironmentFlag(string? value) => NonEmpty(value) is not { } text
        ? null
        : !int.TryParse(text, out _) && Enum.TryParse<CmuEnvironment>(text, ignoreCase: true, out var environment) && Enum.IsDefined(environment)
            ? environment
            : throw new CliUsageException($"--environment '{text}' is not one of {string.Join(", ", Enum.GetNames<CmuEnvironment>())}.");

    private static Uri? UriFlag(string flag, string setting, string? value) => NonEmpty(value) is not { } text
        ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri
            : throw new CliUsageException($"{flag} '{text}' is not an absolute URI (setting {setting}).");

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    // CMU_EMULATOR=1 (or true, yes) asks for the emulator as --emulator does; 0, false or no do not.
    private static bool EmulatorVariable(CliConsole console) => console.Variable("CMU_EMULATOR")?.Trim().ToLowerInvariant() switch
    {
        null or "0" or "false" or "no" => false,
        "1" or "true" or "yes" => true,
        var other => throw new CliUsageException($"CMU_EMULATOR '{other}' is not 1 or 0 (true/false, yes/no)."),
    };

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static bool HasValue(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);

    /// <summary>What the flags set, typed.</summary>
    private sealed record Flags(
        CmuEnvironment? Environment,
        Uri? RegistrationBaseAddress,
        Uri? CmuBaseAddress,
        string? StatementPath,
        string? CredentialStorePath,
        string? RedirectUri,
        string DefaultCredentialStorePath);
}
