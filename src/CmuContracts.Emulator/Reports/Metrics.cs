namespace CmuContracts.Emulator.Reports;

/// <summary>
/// Which of the spec's metrics (<see cref="CmuVocabulary.Metrics"/>) each path serves: knowledge the spec states only in
/// prose. Which metrics add up is <see cref="CmuContracts.Reports.MetricAdditivity"/> (shared with the library); the
/// dataset's stored slots are <see cref="Data.MetricSlots"/>.
/// </summary>
internal static class Metrics
{
    /// <summary>The only metric of the histogram (concurrency-level / activity-level) reports [D].</summary>
    public const string Users = "users";

    /// <summary>The active-sessions metric, computed from started sessions plus the sessions carried over.</summary>
    public const string ActiveSessions = "active-sessions";

    /// <summary>Duration buckets are documented on tenant-first and mvpd-first paths only [D].</summary>
    public static bool IsDuration(string name) => name.StartsWith("duration_", StringComparison.Ordinal);

    /// <summary>
    /// Metrics of a path, in the spec's order: <c>users</c> on the histogram paths; every other declared metric on
    /// tenant-first and mvpd-first paths; the same without the <c>duration_*</c> buckets on the root and the time-first
    /// paths. So a metric the spec adds is served on every non-histogram path (on tenant-first and mvpd-first paths
    /// only when it is named like a duration bucket) [I].
    /// </summary>
    public static IReadOnlyList<string> ForPath(IReadOnlyList<string> segments, CmuVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (segments.Any(Dimensions.IsLevel))
        {
            return [Users];
        }

        var durations = segments.Count > 0 && segments[0] is "tenant" or "mvpd";
        return [.. vocabulary.Metrics.Where(m => m != Users && (durations || !IsDuration(m)))];
    }
}
