using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CmuContracts.Tests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> (Debian's package) on a free 127.0.0.1 port, without persistence, killed on dispose.
/// A machine without it fails the test with the install command: CI installs it, so it is never skipped.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly Process _process;
    private readonly string _directory;

    private RedisServer(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        _directory = directory;
    }

    public int Port { get; }

    /// <summary>
    /// The StackExchange.Redis configuration string for this server. Its 5 s default timeouts are raised:
    /// a test machine shared by parallel builds can stall a process for longer.
    /// </summary>
    public string Configuration => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture) + ",syncTimeout=30000,asyncTimeout=30000";

    public static async Task<RedisServer> StartAsync()
    {
        var executable = FindOnPath("redis-server") ?? throw new InvalidOperationException(
            "redis-server is not installed, and the Redis tests need a real one: run 'apt-get install -y redis-server' (.ci/run does so when it is missing).");

        // A port picked free can be taken before redis binds it: try a few.
        var failures = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var server = await TryStartAsync(executable, FreeLoopbackPort(), failures);
            if (server is not null)
            {
                return server;
            }
        }

        throw new InvalidOperationException("redis-server did not start: " + string.Join(" | ", failures));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(_process);
        _process.Dispose();
        TryDeleteDirectory(_directory);
    }

    private static async Task<RedisServer?> TryStartAsync(string executable, int port, List<string> failures)
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
            if (await PingAsync(port))
            {
                return new RedisServer(process, port, directory);
            }

            await Task.Delay(50);
        }

        failures.Add($"port {port}: {(process.HasExited ? $"exited with {process.ExitCode}" : "no PONG in time")}: {string.Join(" / ", output.TakeLast(5))}");
        await StopAsync(process);
        process.Dispose();
        TryDeleteDirectory(directory);
        return null;
    }

    /// <summary>True when the server answers PING with PONG (the inline command form of the Redis protocol).</summary>
    private static async Task<bool> PingAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/sbin")
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is not null && output.Count < 200)
        {
            output.Enqueue(line);
        }
    }

    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover empty temp directory is harmless.
        }
    }
}
