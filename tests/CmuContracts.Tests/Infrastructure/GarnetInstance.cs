using System.Globalization;
using System.Reflection;
using Garnet;
using Garnet.common;
using Microsoft.Extensions.Logging.Abstractions;

namespace CmuContracts.Tests.Infrastructure;

/// <summary>
/// Microsoft.Garnet in this process on one 127.0.0.1 port: memory only, silent, with Lua (the fleet's lock
/// extends its lease by script). Disposing stops it and frees the port.
/// </summary>
internal sealed class GarnetInstance : IAsyncDisposable
{
    private readonly GarnetServer _server;

    private GarnetInstance(GarnetServer server) => _server = server;

    /// <summary>The package's version, e.g. 2.2.12.</summary>
    public static string Version { get; } =
        typeof(GarnetServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?";

    /// <summary>A listening server; InvalidOperationException when it cannot bind the port.</summary>
    public static GarnetInstance Start(int port)
    {
        string[] arguments =
        [
            "--bind", "127.0.0.1",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            // Transaction mode runs a script with its keys locked: atomic, as in Redis.
            "--lua", "true",
            "--lua-transaction-mode", "true",
            // Nothing on disk (Garnet's defaults, said here), and little memory: a test keeps a few small keys.
            "--storage-tier", "false",
            "--aof", "false",
            "--recover", "false",
            "--memory", "64m",
            "--page", "1m",
            "--index", "1m",
            // No banner, no console log: the test output stays the tests'.
            "-q", "true",
            "--logger-level", "None",
            "--disable-console-logger", "true",
        ];

        GarnetServer? server = null;
        try
        {
            server = new GarnetServer(arguments, NullLoggerFactory.Instance);
            server.Start();
            return new GarnetInstance(server);
        }
        catch (GarnetException ex)
        {
            server?.Dispose();
            throw new InvalidOperationException($"port {port}: {ex.Message}", ex);
        }
    }

    public ValueTask DisposeAsync()
    {
        _server.Dispose();
        return ValueTask.CompletedTask;
    }
}
