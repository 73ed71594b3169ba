namespace CmuContracts.Reports;

/// <summary>
/// A CMU metric name. The documented metrics are static properties; any other name (the server may
/// add some, e.g. <c>bstreams-30</c>) converts from a string. <see cref="IsAdditive"/> tells whether
/// values of finer buckets may be added up.
/// </summary>
public readonly struct UsageMetric : IEquatable<UsageMetric>
{
    /// <summary>Creates a metric from its wire name.</summary>
    /// <param name="name">The name as CMU writes it, e.g. <c>active-users</c>.</param>
    public UsageMetric(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name;
    }

    private readonly string? _name;

    /// <summary>The wire name.</summary>
    public string Name => _name ?? "";

    /// <summary>
    /// True when the values of finer buckets add up to the coarser bucket along every dimension (days to a month,
    /// platforms to a tenant): the event counters (<c>started-sessions</c>, <c>completed-sessions</c>,
    /// <c>failed-attempts</c>, <c>dismissed-sessions</c>, <c>killed-sessions</c>) and the <c>duration_*</c> buckets.
    /// False for distinct counts, which must never be summed: <c>active-users</c> (distinct accounts: a month's is
    /// at most, and usually well below, the sum of its days), <c>active-sessions</c> (a session active over several
    /// days counts in each), the histograms' <c>users</c>, and any metric Adobe does not document (e.g.
    /// <c>bstreams-30</c>). Read a distinct count for a coarser bucket from the coarser report instead.
    /// </summary>
    public bool IsAdditive => MetricAdditivity.IsAdditive(Name);

    /// <summary><c>active-users</c>.</summary>
    public static UsageMetric ActiveUsers { get; } = new("active-users");

    /// <summary><c>active-sessions</c>.</summary>
    public static UsageMetric ActiveSessions { get; } = new("active-sessions");

    /// <summary><c>started-sessions</c>.</summary>
    public static UsageMetric StartedSessions { get; } = new("started-sessions");

    /// <summary><c>completed-sessions</c>.</summary>
    public static UsageMetric CompletedSessions { get; } = new("completed-sessions");

    /// <summary><c>failed-attempts</c>.</summary>
    public static UsageMetric FailedAttempts { get; } = new("failed-attempts");

    /// <summary><c>dismissed-sessions</c> (FIFO / last-one-wins policies).</summary>
    public static UsageMetric DismissedSessions { get; } = new("dismissed-sessions");

    /// <summary><c>killed-sessions</c> (killed through <c>X-Terminate</c>).</summary>
    public static UsageMetric KilledSessions { get; } = new("killed-sessions");

    /// <summary><c>duration_0-15</c> (minutes).</summary>
    public static UsageMetric Duration0To15 { get; } = new("duration_0-15");

    /// <summary><c>duration_15-30</c> (minutes).</summary>
    public static UsageMetric Duration15To30 { get; } = new("duration_15-30");

    /// <summary><c>duration_30-60</c> (minutes).</summary>
    public static UsageMetric Duration30To60 { get; } = new("duration_30-60");

    /// <summary><c>duration_60-120</c> (minutes).</summary>
    public static UsageMetric Duration60To120 { get; } = new("duration_60-120");

    /// <summary><c>duration_2h-4h</c>.</summary>
    public static UsageMetric Duration2hTo4h { get; } = new("duration_2h-4h");

    /// <summary><c>duration_4h-8h</c>.</summary>
    public static UsageMetric Duration4hTo8h { get; } = new("duration_4h-8h");

    /// <summary><c>duration_8h-16h</c>.</summary>
    public static UsageMetric Duration8hTo16h { get; } = new("duration_8h-16h");

    /// <summary><c>duration_16h-1d</c>.</summary>
    public static UsageMetric Duration16hTo1d { get; } = new("duration_16h-1d");

    /// <summary><c>duration_1d-3d</c>.</summary>
    public static UsageMetric Duration1dTo3d { get; } = new("duration_1d-3d");

    /// <summary><c>duration_3d-7d</c>.</summary>
    public static UsageMetric Duration3dTo7d { get; } = new("duration_3d-7d");

    /// <summary><c>duration_1w-1m</c>.</summary>
    public static UsageMetric Duration1wTo1m { get; } = new("duration_1w-1m");

    /// <summary><c>duration_over-1m</c>.</summary>
    public static UsageMetric DurationOver1m { get; } = new("duration_over-1m");

    /// <summary><c>users</c>, the one metric of the concurrency-level and activity-level histograms.</summary>
    public static UsageMetric Users { get; } = new("users");

    /// <summary>A metric from its wire name.</summary>
    public static implicit operator UsageMetric(string name) => new(name);

    /// <summary>A metric from its wire name.</summary>
    public static UsageMetric FromString(string name) => new(name);

    /// <summary>Compares wire names (ordinal).</summary>
    public static bool operator ==(UsageMetric left, UsageMetric right) => left.Equals(right);

    /// <summary>Compares wire names (ordinal).</summary>
    public static bool operator !=(UsageMetric left, UsageMetric right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(UsageMetric other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is UsageMetric other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
