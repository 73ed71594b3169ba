using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CmuContracts.Tests.Infrastructure;

/// <summary>
/// Debian's <c>redis-server</c> as a child process on one 127.0.0.1 port, without persistence (its working
/// files in a temporary folder). Disposing kills it and frees the port.
/// </summary>
internal sealed partial class RedisServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private static readonly ConcurrentDictionary<string, string> Versions = new();
    private readonly Process _process;
    private readonly string _directory;

    private RedisServerProcess(Process process, string directory)
    {
        _process = process;
        _directory = directory;
    }

    /// <summary>What <c>redis-server --version</c> says, e.g. 7.0.15.</summary>
    public static string VersionOf(string executable) => Versions.GetOrAdd(executable, static path =>
    {
        using var process = Process.Start(new ProcessStartInfo(path, "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return VersionPattern().Match(text) is { Success: true } match ? match.Groups[1].Value : "?";
    });

    /// <summary>A server that answers PING; InvalidOperationException with its last output when it does not in time.</summary>
    public static async Task<RedisServerProcess> StartAsync(string executable, int port)
    {
        var directory = Directory.CreateTempSubdirectory("cmu-redis-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory, "--daemonize", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout && !process.HasExited)
        {
            if (await RedisPing.AnswersAsync(port))
            {
                return new RedisServerProcess(process, directory);
            }

            await Task.Delay(50);
        }

        var failure = $"port {port}: {(process.HasExited ? $"exited with {process.ExitCode}" : "no PONG in time")}: {string.Join(" / ", output.TakeLast(5))}";
        await new RedisServerProcess(process, directory).DisposeAsync();
        throw new InvalidOperationException(failure);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover empty temp directory is harmless.
        }
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is not null && output.Count < 200)
        {
            output.Enqueue(line);
        }
    }

    [GeneratedRegex(@"\bv=(\S+)")]
    private static partial Regex VersionPattern();
}
