using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace CmuContracts.Cli.Configuration;

/// <summary>
/// The client settings in effect: a settings file, then <c>CMU_*</c> environment variables, then flags, each
/// overriding the one before. Keys are <see cref="CmuClientOptions"/> names (nested with <c>:</c>).
/// </summary>
internal sealed class CliSettings
{
    // Friendly variable names, the same words as the flags; any other CMU_X__Y names the option X:Y.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ENVIRONMENT"] = "Environment",
        ["REGISTRATION_URL"] = "RegistrationBaseAddress",
        ["CMU_URL"] = "CmuBaseAddress",
        ["STATEMENT"] = "SoftwareStatementPath",
        ["CREDENTIALS"] = "CredentialStorePath",
        ["REDIRECT_URI"] = "RedirectUri",
    };

    private static readonly HashSet<string> ToolVariables = new(StringComparer.OrdinalIgnoreCase) { "SETTINGS", "CONFIG_DIR", "EMULATOR" };

    private CliSettings(Dictionary<string, string?> values, bool useEmulator, bool endpointConfigured, string configDirectory, bool quiet, bool verbose)
    {
        Values = values;
        UseEmulator = useEmulator;
        EndpointConfigured = endpointConfigured;
        ConfigDirectory = configDirectory;
        Quiet = quiet;
        Verbose = verbose;
    }

    /// <summary>The merged <c>CmuClientOptions</c> keys.</summary>
    public Dictionary<string, string?> Values { get; }

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

    /// <exception cref="CliUsageException">The settings file is missing or not JSON.</exception>
    public static CliSettings Resolve(ParseResult parse, GlobalOptions options, CliConsole console)
    {
        var configDirectory = ConfigDirectoryOf(console);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

        var explicitFile = parse.GetValue(options.Settings)?.FullName ?? console.Variable("CMU_SETTINGS");
        var file = explicitFile ?? Path.Combine(configDirectory, "settings.json");
        if (explicitFile is not null || File.Exists(file))
        {
            ReadSettingsFile(file, values);
        }

        foreach (var (name, value) in console.Environment)
        {
            if (!name.StartsWith("CMU_", StringComparison.OrdinalIgnoreCase) || value.Length == 0)
            {
                continue;
            }

            var rest = name[4..];
            if (!ToolVariables.Contains(rest))
            {
                values[Aliases.TryGetValue(rest, out var key) ? key : rest.Replace("__", ":", StringComparison.Ordinal)] = value;
            }
        }

        Set(values, "Environment", parse.GetValue(options.Environment));
        Set(values, "RegistrationBaseAddress", parse.GetValue(options.RegistrationUrl));
        Set(values, "CmuBaseAddress", parse.GetValue(options.CmuUrl));
        Set(values, "SoftwareStatementPath", parse.GetValue(options.Statement)?.FullName);
        Set(values, "CredentialStorePath", parse.GetValue(options.Credentials)?.FullName);
        Set(values, "RedirectUri", parse.GetValue(options.RedirectUri));

        var requested = parse.GetValue(options.Emulator) || EmulatorVariable(console);
        var endpointConfigured = HasValue(values, "Environment") || HasValue(values, "RegistrationBaseAddress") || HasValue(values, "CmuBaseAddress");
        if (!HasValue(values, "CredentialStorePath"))
        {
            values["CredentialStorePath"] = Path.Combine(configDirectory, Auth.CmuUserFolder.CredentialsFileName);
        }

        return new CliSettings(values, requested, endpointConfigured, configDirectory, parse.GetValue(options.Quiet), parse.GetValue(options.Verbose));
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

    private static void ReadSettingsFile(string file, Dictionary<string, string?> values)
    {
        if (!File.Exists(file))
        {
            throw new CliUsageException($"The settings file '{file}' does not exist.");
        }

        IConfigurationRoot root;
        try
        {
            root = new ConfigurationBuilder().AddJsonFile(file, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException or System.Text.Json.JsonException)
        {
            throw new CliUsageException($"The settings file '{file}' is not a JSON object of settings: {FirstLine(ex.Message)}");
        }

        foreach (var (key, value) in root.AsEnumerable())
        {
            if (value is not null)
            {
                values[key] = value;
            }
        }
    }

    // CMU_EMULATOR=1 (or true, yes) asks for the emulator as --emulator does; 0, false or no do not.
    private static bool EmulatorVariable(CliConsole console) => console.Variable("CMU_EMULATOR")?.Trim().ToLowerInvariant() switch
    {
        null or "0" or "false" or "no" => false,
        "1" or "true" or "yes" => true,
        var other => throw new CliUsageException($"CMU_EMULATOR '{other}' is not 1 or 0 (true/false, yes/no)."),
    };

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static void Set(Dictionary<string, string?> values, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            values[key] = value;
        }
    }

    private static bool HasValue(Dictionary<string, string?> values, string key) =>
        values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value);
}
