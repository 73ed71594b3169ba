using System.Diagnostics;

namespace CmuContracts.Benchmarks;

/// <summary>Wall-time measurement for the reports that alternate two generators or two outputs.</summary>
internal static class Timing
{
    /// <summary>
    /// The wall time of <paramref name="action"/>, after a full collection: the previous run's garbage is not charged
    /// to this one.
    /// </summary>
    public static TimeSpan AfterCollection(Func<object?> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Of(action);
    }

    /// <summary>The wall time of <paramref name="action"/>, run as it comes.</summary>
    public static TimeSpan Of(Func<object?> action)
    {
        var started = Stopwatch.GetTimestamp();
        GC.KeepAlive(action());
        return Stopwatch.GetElapsedTime(started);
    }
}
