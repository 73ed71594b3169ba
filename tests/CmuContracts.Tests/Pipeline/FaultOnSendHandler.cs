using System.Collections.Concurrent;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// Asks the emulator for a fault (X-Emulator-Fault) on chosen sends, counted from 1; records when each send left, on
/// <paramref name="clock"/> (real time unless a test's client runs on a fake clock).
/// </summary>
internal sealed class FaultOnSendHandler(string fault, Func<int, bool> onSend, TimeProvider? clock = null) : DelegatingHandler
{
    /// <summary>Timers count whole milliseconds and may fire a little before a Stopwatch says: lower bounds allow this much.</summary>
    public static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(5);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ConcurrentQueue<long> _sentAt = new();
    private int _sends;

    public int Sends => Volatile.Read(ref _sends);

    /// <summary>The time between the first send and the send numbered <paramref name="send"/>.</summary>
    public TimeSpan Gap(int send) => _clock.GetElapsedTime(_sentAt.First(), _sentAt.ElementAt(send - 1));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("X-Emulator-Fault");
        _sentAt.Enqueue(_clock.GetTimestamp());
        if (onSend(Interlocked.Increment(ref _sends)))
        {
            request.Headers.TryAddWithoutValidation("X-Emulator-Fault", fault);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
