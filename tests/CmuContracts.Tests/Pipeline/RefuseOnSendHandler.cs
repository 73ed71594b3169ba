using System.Net;
using System.Net.Sockets;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// Sends chosen sends (counted from 1) to a loopback port nobody listens on, so the connection is
/// refused before any byte of the request leaves; the other sends go where they were addressed.
/// </summary>
internal sealed class RefuseOnSendHandler(Func<int, bool> onSend) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<Uri> OriginalUri = new("cmu-test-original-uri");
    private readonly int _closedPort = ClosedLoopbackPort();
    private int _sends;

    public int Sends => _sends;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The resilience pipeline re-sends the same message: keep its real address to restore it.
        if (!request.Options.TryGetValue(OriginalUri, out var original))
        {
            original = request.RequestUri!;
            request.Options.Set(OriginalUri, original);
        }

        request.RequestUri = onSend(Interlocked.Increment(ref _sends))
            ? new UriBuilder(original) { Port = _closedPort }.Uri
            : original;
        return base.SendAsync(request, cancellationToken);
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
