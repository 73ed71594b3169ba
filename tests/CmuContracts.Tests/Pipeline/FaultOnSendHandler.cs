using System.Collections.Concurrent;
using System.Diagnostics;

namespace CmuContracts.Tests.Pipeline;

/// <summary>Asks the emulator for a fault (X-Emulator-Fault) on chosen sends, counted from 1; records when each send left.</summary>
internal sealed class FaultOnSendHandler(string fault, Func<int, bool> onSend) : DelegatingHandler
{
    /// <summary>Timers count whole milliseconds and may fire a little before a Stopwatch says: lower bounds allow this much.</summary>
    public static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(5);

    private readonly ConcurrentQueue<long> _sentAt = new();
    private int _sends;

    public int Sends => _sends;

    /// <summary>The real time between the first send and the send numbered <paramref name="send"/>.</summary>
    public TimeSpan Gap(int send) => Stopwatch.GetElapsedTime(_sentAt.First(), _sentAt.ElementAt(send - 1));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("X-Emulator-Fault");
        _sentAt.Enqueue(Stopwatch.GetTimestamp());
        if (onSend(Interlocked.Increment(ref _sends)))
        {
            request.Headers.TryAddWithoutValidation("X-Emulator-Fault", fault);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
