namespace CmuContracts.Emulator.Reports;

/// <summary>
/// Every documented CMU metric, in documented order, and the dataset's stored slots. Which metrics add up is
/// <see cref="CmuContracts.Reports.MetricAdditivity"/> (shared with the library); the engine computes the others as distinct counts.
/// </summary>
internal static class Metrics
{
    public static readonly IReadOnlyList<string> All =
    [
        "active-users", "active-sessions", "started-sessions", "completed-sessions", "failed-attempts",
        "dismissed-sessions", "killed-sessions",
        "duration_0-15", "duration_15-30", "duration_30-60", "duration_60-120", "duration_2h-4h", "duration_4h-8h",
        "duration_8h-16h", "duration_16h-1d", "duration_1d-3d", "duration_3d-7d", "duration_1w-1m", "duration_over-1m",
    ];

    /// <summary>The only metric of the histogram (concurrency-level / activity-level) reports.</summary>
    public const string Users = "users";

    /// <summary>Number of session metrics (no duration buckets), served by the root and time-first paths.</summary>
    public const int SessionCount = 7;

    /// <summary>Internal metric slots after <see cref="All"/>: users per concurrency level, then per activity level.</summary>
    public const int FirstConcurrencyLevel = 19;
    public const int FirstActivityLevel = 24;
    public const int StoredCount = 29;

    public const int ActiveUsers = 0;
    public const int ActiveSessions = 1;
    public const int Started = 2;
    public const int Completed = 3;
    public const int Failed = 4;
    public const int Dismissed = 5;
    public const int Killed = 6;
    public const int FirstDuration = 7;
    public const int DurationCount = 12;

    /// <summary>
    /// Metrics of a path, as the spec describes them: <c>users</c> for the histogram paths, all of <see cref="All"/> for
    /// tenant-first and mvpd-first paths, the seven session metrics (no duration buckets) for the root and time-first paths.
    /// </summary>
    public static IReadOnlyList<string> ForPath(IReadOnlyList<string> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Any(Dimensions.IsLevel))
        {
            return [Users];
        }

        return segments.Count > 0 && segments[0] is "tenant" or "mvpd" ? All : [.. All.Take(SessionCount)];
    }

    public static int IndexOf(string name)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
