using System.Diagnostics;
using System.Reflection;

namespace CmuContracts.Cli.Tests;

/// <summary>
/// The tool as users get it: packed into a local folder feed, installed with <c>dotnet tool install --tool-path</c>,
/// and run as <c>cmu</c> in its own process.
/// </summary>
public sealed class ToolInstallTests
{
    [Fact]
    public async Task InstallsFromALocalFeedAndPrintsAReportFromTheEmulator()
    {
        var work = TempDirectory.Create();
        var feed = Path.Combine(work, "feed");
        var tools = Path.Combine(work, "tools");
        var version = $"0.1.0-test.{Guid.NewGuid():n}";
        try
        {
            // The tool project is already built (it is this project's reference): pack that build.
            var pack = await RunAsync("dotnet", ["pack", Path.Combine(Metadata("RepoRoot"), "src", "CmuContracts.Cli", "CmuContracts.Cli.csproj"),
                "--no-build", "-c", Metadata("Configuration"), "-o", feed, $"-p:Version={version}", "-nologo"], work);
            Assert.True(pack.ExitCode == 0, pack.ToString());
            Assert.True(File.Exists(Path.Combine(feed, $"CmuContracts.Cli.{version}.nupkg")), pack.ToString());

            var install = await RunAsync("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", feed, "--version", version, "CmuContracts.Cli"], work);
            Assert.True(install.ExitCode == 0, install.ToString());

            var report = await RunAsync(Path.Combine(tools, OperatingSystem.IsWindows() ? "cmu.exe" : "cmu"),
                ["report", "--emulator", "--granularity", "day", "--dimension", "tenant", "--metric", "active-users", "--limit", "3"], work);
            Assert.True(report.ExitCode == 0, report.ToString());
            Assert.Contains("CMU report /tenant/year/month/day", report.Out);
            Assert.Contains("active-users per day", report.Out);
            Assert.Contains("using the embedded emulator", report.Err);

            var usage = await RunAsync(Path.Combine(tools, OperatingSystem.IsWindows() ? "cmu.exe" : "cmu"), ["report", "--bogus"], work);
            Assert.Equal(ExitCodes.Usage, usage.ExitCode);
            Assert.Contains("--bogus", usage.Err);
        }
        finally
        {
            var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var cached = Path.Combine(cache, "cmucontracts.cli", version);
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }

            Directory.Delete(work, recursive: true);
        }
    }

    private static string Metadata(string key) =>
        typeof(ToolInstallTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static async Task<CliResult> RunAsync(string file, string[] args, string directory)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The installed tool must not read the developer's own settings or credentials.
        start.Environment["HOME"] = directory;
        start.Environment["DOTNET_CLI_HOME"] = directory;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CliResult(process.ExitCode, await output, await error);
    }
}
