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
            var package = Path.Combine(feed, $"CmuContracts.Cli.{version}.nupkg");
            Assert.True(File.Exists(package), pack.ToString());

            // Chart images need SkiaSharp's and HarfBuzzSharp's native libraries for Windows, macOS and Linux.
            using (var zip = System.IO.Compression.ZipFile.OpenRead(package))
            {
                var natives = zip.Entries.Select(e => e.FullName).Where(n => n.Contains("/runtimes/", StringComparison.Ordinal)).ToList();
                foreach (var native in new[] { "win-x64/native/libSkiaSharp.dll", "win-arm64/native/libSkiaSharp.dll", "osx/native/libSkiaSharp.dylib", "linux-x64/native/libSkiaSharp.so",
                    "linux-arm64/native/libSkiaSharp.so", "linux-musl-x64/native/libSkiaSharp.so", "win-x64/native/libHarfBuzzSharp.dll", "osx/native/libHarfBuzzSharp.dylib", "linux-x64/native/libHarfBuzzSharp.so" })
                {
                    Assert.Contains(natives, n => n.EndsWith("/runtimes/" + native, StringComparison.Ordinal));
                }

                Assert.DoesNotContain(natives, n => n.Contains("/runtimes/linux-riscv64/", StringComparison.Ordinal)); // Trimmed to the platforms listed in the project.
            }

            var install = await RunAsync("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", feed, "--version", version, "CmuContracts.Cli"], work);
            Assert.True(install.ExitCode == 0, install.ToString());

            var report = await RunAsync(Path.Combine(tools, OperatingSystem.IsWindows() ? "cmu.exe" : "cmu"),
                ["report", "--emulator", "--granularity", "day", "--dimension", "tenant", "--metric", "active-users", "--limit", "3"], work);
            Assert.True(report.ExitCode == 0, report.ToString());
            Assert.Contains("CMU report /tenant/year/month/day", report.Out);
            Assert.Contains("active-users per day", report.Out);
            Assert.Contains("using the embedded emulator", report.Err);

            // The installed tool loads the native drawing library from its own package.
            var chart = await RunAsync(Path.Combine(tools, OperatingSystem.IsWindows() ? "cmu.exe" : "cmu"),
                ["report", "--emulator", "-q", "--granularity", "day", "--dimension", "tenant", "--metric", "active-users", "--start", "10d", "--end", "3d", "--chart", "chart.png"], work);
            Assert.True(chart.ExitCode == 0, chart.ToString());
            Assert.Equal("PNG", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(Path.Combine(work, "chart.png")))[1..4]));

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
