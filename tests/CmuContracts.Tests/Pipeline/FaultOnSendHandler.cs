using System.Collections.Concurrent;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// Asks the emulator for a fault (X-Emulator-Fault) on chosen sends, counted from 1; records when each send left, on
/// <paramref name="clock"/> (real time unless a test's client runs on a fake clock).
/// </summary>
internal sealed class FaultOnSendHandler(Func<int, string?> faultFor, TimeProvider? clock = null) : DelegatingHandler
{
    /// <summary>Sends <paramref name="fault"/> on each send numbered so that <paramref name="onSend"/> is true.</summary>
    public FaultOnSendHandler(string fault, Func<int, bool> onSend, TimeProvider? clock = null)
        : this(send => onSend(send) ? fault : null, clock)
    {
    }

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
        if (faultFor(Interlocked.Increment(ref _sends)) is { } fault)
        {
            request.Headers.TryAddWithoutValidation("X-Emulator-Fault", fault);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
