namespace CmuContracts.Auth;

/// <summary>
/// The user's cmu folder, where the library's default credential file and the <c>cmu</c> tool's settings live:
/// <c>CMU_CONFIG_DIR</c>, else <c>%APPDATA%\cmu</c> on Windows, else <c>$XDG_CONFIG_HOME/cmu</c> (when absolute,
/// as the XDG base directory specification requires) or <c>~/.config/cmu</c>.
/// </summary>
public static class CmuUserFolder
{
    /// <summary>The variable that names the folder outright (tests and containers set it).</summary>
    public const string ConfigDirectoryVariable = "CMU_CONFIG_DIR";

    /// <summary>The credential file's name inside the folder.</summary>
    public const string CredentialsFileName = "credentials.json";

    /// <summary>The folder, from this process's environment; null when neither a variable nor the platform names a home folder.</summary>
    public static string? Resolve() => Resolve(Environment.GetEnvironmentVariable);

    /// <summary>The folder, reading environment variables through <paramref name="variable"/> (empty counts as unset).</summary>
    public static string? Resolve(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (Read(variable, ConfigDirectoryVariable) is { } folder)
        {
            return Path.GetFullPath(folder);
        }

        if (OperatingSystem.IsWindows())
        {
            var appData = Read(variable, "APPDATA") ?? Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);
            return appData.Length > 0 ? Path.Combine(appData, "cmu") : null;
        }

        if (Read(variable, "XDG_CONFIG_HOME") is { } xdg && Path.IsPathFullyQualified(xdg))
        {
            return Path.Combine(xdg, "cmu");
        }

        var home = Read(variable, "HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 0 ? Path.Combine(home, ".config", "cmu") : null;
    }

    private static string? Read(Func<string, string?> variable, string name) => variable(name) is { Length: > 0 } value ? value : null;
}
