using CmuContracts.Cli;

namespace CmuContracts.Cli.Tests;

/// <summary>One run of the tool in-process, exactly as Program runs it, with its own profile folder and environment.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Err)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

internal static class CliRun
{
    public static async Task<CliResult> RunAsync(string[] args, IDictionary<string, string>? environment = null, string? home = null, CancellationToken cancellationToken = default)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = home ?? TempDirectory.Create() };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CmuApp.RunAsync(args, new CliConsole(output, error, env), cancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}

internal static class TempDirectory
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "cmu-cli-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(path);
        return path;
    }
}
