using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace CmuContracts.Tests.Infrastructure;

/// <summary>
/// A real Redis-protocol server on a free 127.0.0.1 port for one test, without persistence: Debian's
/// <c>redis-server</c> as a child process, or Microsoft.Garnet in this process on a machine without it
/// (<see cref="RedisServerChoice"/>: <c>CMU_TEST_REDIS</c> forces one). It can be stopped and started again
/// on the same port, empty, as a Redis restart; disposing stops it.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly RedisServerChoice _choice;
    private IAsyncDisposable? _running;

    private RedisServer(RedisServerChoice choice, int port, IAsyncDisposable running)
    {
        _choice = choice;
        Port = port;
        _running = running;
    }

    public RedisServerKind Kind => _choice.Kind;

    public int Port { get; }

    public bool IsRunning => _running is not null;

    /// <summary>
    /// The StackExchange.Redis configuration string for this server. Its 5 s default timeouts are raised:
    /// a test machine shared by parallel builds can stall a process for longer.
    /// </summary>
    public string Configuration => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture) + ",syncTimeout=30000,asyncTimeout=30000";

    /// <summary>Starts the chosen server and says on <paramref name="output"/> which one it is, so a test log shows it.</summary>
    public static async Task<RedisServer> StartAsync(ITestOutputHelper? output = null)
    {
        var choice = RedisServerChoice.FromEnvironment();

        // A port picked free can be taken before the server binds it: try a few.
        var failures = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreeLoopbackPort();
            try
            {
                var server = new RedisServer(choice, port, await StartOnAsync(choice, port));
                output?.WriteLine("Redis tests' server: " + server);
                return server;
            }
            catch (InvalidOperationException ex)
            {
                failures.Add(ex.Message);
            }
        }

        throw new InvalidOperationException($"{Name(choice)} did not start: " + string.Join(" | ", failures));
    }

    /// <summary>Stops the server: clients' connections drop and new ones are refused. Its data is gone.</summary>
    public async Task StopAsync()
    {
        if (_running is { } running)
        {
            _running = null;
            await running.DisposeAsync();
        }
    }

    /// <summary>Starts a stopped server again on the same port (clients reconnect to the same configuration), empty.</summary>
    public async Task StartAgainAsync()
    {
        if (_running is not null)
        {
            throw new InvalidOperationException(this + " is already running.");
        }

        // Not moved to another port if this one was taken meanwhile: clients know this one.
        _running = await StartOnAsync(_choice, Port);
    }

    /// <summary>A Redis restart: <see cref="StopAsync"/> then <see cref="StartAgainAsync"/>.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAgainAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>Which server, where, and why this one, e.g. "Garnet 2.2.12 in the test process on 127.0.0.1:40123 (CMU_TEST_REDIS=garnet)".</summary>
    public override string ToString() => $"{Name(_choice)} on 127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)} ({_choice.Reason})";

    private static async Task<IAsyncDisposable> StartOnAsync(RedisServerChoice choice, int port) => choice.Kind switch
    {
        RedisServerKind.Garnet => GarnetInstance.Start(port),
        _ => await RedisServerProcess.StartAsync(choice.Executable!, port),
    };

    private static string Name(RedisServerChoice choice) => choice.Kind switch
    {
        RedisServerKind.Garnet => "Garnet " + GarnetInstance.Version + " in the test process",
        _ => "redis-server " + RedisServerProcess.VersionOf(choice.Executable!) + " (" + choice.Executable + ")",
    };

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
