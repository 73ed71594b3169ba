using System.Diagnostics;
using System.Text;

namespace CmuContracts.Tests.SpecEdits;

/// <summary>
/// A finished process: exit code and interleaved output. Unlike <c>PublishedClientApp.RunAsync</c> it takes
/// environment variables (for a secret that must not be an argument) and keeps the output of a process it had to
/// kill, so that a timeout fails with the output's tail too.
/// </summary>
internal sealed record ProcessRun(int ExitCode, string Output, bool TimedOut)
{
    /// <summary>The last <paramref name="lines"/> lines of output, for assertion messages.</summary>
    public string Tail(int lines = 60)
    {
        var all = Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        return (TimedOut ? "(timed out)\n" : "") + string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    public static async Task<ProcessRun> RunAsync(
        string file, IEnumerable<string> arguments, string directory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ProcessRun(-1, Text(output), TimedOut: true);
        }

        // The parameterless wait also waits for the asynchronous output handlers to see the end of both streams.
        process.WaitForExit();
        return new ProcessRun(process.ExitCode, Text(output), TimedOut: false);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
