namespace CmuContracts.Tests.Pipeline;

/// <summary>Asks the emulator for a fault (X-Emulator-Fault) on chosen sends, counted from 1.</summary>
internal sealed class FaultOnSendHandler(string fault, Func<int, bool> onSend) : DelegatingHandler
{
    private int _sends;

    public int Sends => _sends;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("X-Emulator-Fault");
        if (onSend(Interlocked.Increment(ref _sends)))
        {
            request.Headers.TryAddWithoutValidation("X-Emulator-Fault", fault);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
