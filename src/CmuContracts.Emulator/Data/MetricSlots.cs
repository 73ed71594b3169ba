namespace CmuContracts.Emulator.Data;

/// <summary>
/// The dataset's stored slots per (series, day): the metrics the synthetic model computes from one another (durations
/// partition completed sessions, levels partition user presences). A metric the spec declares beyond these gets a slot
/// of its own after <see cref="StoredCount"/> (see <see cref="SyntheticDataset"/>), so nothing here changes when the spec
/// adds a metric.
/// </summary>
internal static class MetricSlots
{
    public const int ActiveUsers = 0;
    public const int ActiveSessions = 1;
    public const int Started = 2;
    public const int Completed = 3;
    public const int Failed = 4;
    public const int Dismissed = 5;
    public const int Killed = 6;
    public const int FirstDuration = 7;
    public const int DurationCount = 12;

    /// <summary>Users per concurrency level, then per activity level (levels 1 … <see cref="Reports.Dimensions.LevelCount"/>).</summary>
    public const int FirstConcurrencyLevel = 19;
    public const int FirstActivityLevel = 24;
    public const int StoredCount = 29;

    /// <summary>The stored slot of a metric, or -1 when the synthetic model has none.</summary>
    public static int Of(string metric) => metric switch
    {
        "active-users" => ActiveUsers,
        "active-sessions" => ActiveSessions,
        "started-sessions" => Started,
        "completed-sessions" => Completed,
        "failed-attempts" => Failed,
        "dismissed-sessions" => Dismissed,
        "killed-sessions" => Killed,
        "duration_0-15" => FirstDuration,
        "duration_15-30" => FirstDuration + 1,
        "duration_30-60" => FirstDuration + 2,
        "duration_60-120" => FirstDuration + 3,
        "duration_2h-4h" => FirstDuration + 4,
        "duration_4h-8h" => FirstDuration + 5,
        "duration_8h-16h" => FirstDuration + 6,
        "duration_16h-1d" => FirstDuration + 7,
        "duration_1d-3d" => FirstDuration + 8,
        "duration_3d-7d" => FirstDuration + 9,
        "duration_1w-1m" => FirstDuration + 10,
        "duration_over-1m" => FirstDuration + 11,
        _ => -1,
    };
}
