using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CmuContracts.Tests.Infrastructure;

/// <summary>Whether a Redis-protocol server answers on a loopback port, without a client library.</summary>
internal static class RedisPing
{
    /// <summary>True when the server answers PING with PONG (the inline command form of the Redis protocol).</summary>
    public static async Task<bool> AnswersAsync(int port)
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
}
