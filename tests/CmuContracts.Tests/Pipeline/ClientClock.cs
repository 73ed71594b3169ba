using Microsoft.Extensions.Time.Testing;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// Drives a client whose timeouts and backoffs run on a fake clock. On a loaded machine a real request can take seconds;
/// with the client's clock fake, no attempt times out unless the test moves the clock past its timeout.
/// </summary>
internal static class ClientClock
{
    /// <summary>How long, in real time, a test waits for the client before it fails instead of hanging.</summary>
    private static readonly TimeSpan RealLimit = TimeSpan.FromSeconds(120);

    /// <summary>Waits in real time until <paramref name="condition"/> holds or <paramref name="call"/> has ended.</summary>
    public static async Task UntilAsync(Func<bool> condition, Task call)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition() && !call.IsCompleted)
        {
            Fail(started, "the awaited send");
            await Task.WhenAny(call, Task.Delay(5)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Lets <paramref name="call"/> finish, moving the clock 1 ms for every 10 ms of real time: a backoff of a few
    /// hundred milliseconds elapses in seconds, while a request in flight gains only a tenth of its real time toward
    /// its attempt timeout. Returns what the call returned, or throws what it threw.
    /// </summary>
    public static Task<T> CreepAsync<T>(this FakeTimeProvider clock, Task<T> call) => RunAsync(clock, call, () => false);

    /// <summary>
    /// As <see cref="CreepAsync{T}"/>, but each send <paramref name="sends"/> sees times out: once it is in flight,
    /// the clock jumps by <paramref name="attemptTimeout"/>.
    /// </summary>
    public static Task<T> TimeOutEverySendAsync<T>(this FakeTimeProvider clock, Task<T> call, FaultOnSendHandler sends, TimeSpan attemptTimeout)
    {
        var timedOut = 0;
        return RunAsync(clock, call, () =>
        {
            if (sends.Sends == timedOut)
            {
                return false;
            }

            timedOut = sends.Sends;
            clock.Advance(attemptTimeout);
            return true;
        });
    }

    private static async Task<T> RunAsync<T>(FakeTimeProvider clock, Task<T> call, Func<bool> jumped)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!call.IsCompleted)
        {
            Fail(started, "the call's end");
            if (!jumped())
            {
                clock.Advance(TimeSpan.FromMilliseconds(1));
            }

            await Task.WhenAny(call, Task.Delay(10)).ConfigureAwait(false);
        }

        return await call.ConfigureAwait(false);
    }

    private static void Fail(long started, string what)
    {
        if (TimeProvider.System.GetElapsedTime(started) > RealLimit)
        {
            throw new TimeoutException($"{what} did not come within {RealLimit} of real time.");
        }
    }
}
