using System.Diagnostics;
using System.Text;

namespace CmuContracts.Generator.Tests.Packaging;

/// <summary>One finished <c>dotnet</c> (or app) process: exit code and both streams.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string Out, string Err, TimeSpan Elapsed)
{
    public override string ToString() => $"{Command}: exit {ExitCode} in {Elapsed.TotalSeconds:F1} s\n{Out}\n{Err}";
}

/// <summary>Runs the .NET CLI (or a built app) the way a user's shell would, without telemetry, logos or build nodes left behind.</summary>
internal static class DotnetCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    public static ProcessResult Run(string workingDirectory, params string[] args) => Start("dotnet", workingDirectory, args);

    public static ProcessResult Start(string file, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var command = Path.GetFileName(file) + " " + string.Join(' ', args);
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish within {Timeout}\n{stdout}\n{stderr}");
        }

        process.WaitForExit();
        return new ProcessResult(command, process.ExitCode, stdout.ToString(), stderr.ToString(), stopwatch.Elapsed);
    }
}
