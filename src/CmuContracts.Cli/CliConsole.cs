namespace CmuContracts.Cli;

/// <summary>
/// What the tool reads from and writes to: standard streams and environment variables. Tests pass their own,
/// so every command runs end to end in-process without touching the real profile or environment.
/// </summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string> environment, bool errorIsTerminal = false, bool outputIsTerminal = false)
    {
        Output = output;
        Error = error;
        Environment = environment;
        ErrorIsTerminal = errorIsTerminal;
        OutputIsTerminal = outputIsTerminal;
    }

    /// <summary>Results: tables, CSV, JSON. Nothing else is ever written here.</summary>
    public TextWriter Output { get; }

    /// <summary>Notices, progress, verbose lines and the one-line error.</summary>
    public TextWriter Error { get; }

    /// <summary>The environment variables seen by the tool.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Whether standard error is an interactive terminal (progress is shown only then, unless asked).</summary>
    public bool ErrorIsTerminal { get; }

    /// <summary>Whether standard output is an interactive terminal (colours and the terminal's width only then).</summary>
    public bool OutputIsTerminal { get; }

    /// <summary>The process's own streams and environment.</summary>
    public static CliConsole FromProcess()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        return new CliConsole(Console.Out, Console.Error, environment, !Console.IsErrorRedirected, !Console.IsOutputRedirected);
    }

    /// <summary>An environment variable, or null when unset or empty.</summary>
    public string? Variable(string name) => Environment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
