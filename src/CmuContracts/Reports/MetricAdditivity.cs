// One source file compiled into both the library (ReportMetric.IsAdditive) and the emulator (its synthetic data), so
// the two cannot disagree on which CMU metrics add up. It must depend on nothing but the BCL.
namespace CmuContracts.Reports;

/// <summary>How the values of a CMU metric combine when buckets are merged.</summary>
internal enum MetricAggregation
{
    /// <summary>Events inside the interval: finer buckets add up exactly, along every dimension.</summary>
    Additive,

    /// <summary>
    /// Sessions active in the interval: one session lasting across time buckets counts in each, so it does not add
    /// up over time; a session belongs to one tenant, application, platform and MVPD, so it adds up across those.
    /// </summary>
    DistinctOverTime,

    /// <summary>Distinct user accounts (or anything unknown): adds up along no dimension.</summary>
    Distinct,
}

/// <summary>
/// Which CMU metrics add up, from Adobe's definitions (Adobe's <c>cm-usage-reports.md</c>): <c>active-users</c>
/// counts distinct accounts [D]; <c>active-sessions</c> counts sessions active in the interval [D]; the five event
/// counters count events inside it and add up [D]; the <c>duration_*</c> buckets count completed sessions by length,
/// so they add up [I]; <c>users</c> of the histograms counts users [D] and so is distinct. Any other name (e.g. the
/// observed <c>bstreams-30</c>) is distinct: never add what we do not know.
/// </summary>
internal static class MetricAdditivity
{
    public static MetricAggregation Of(string name) => name switch
    {
        "started-sessions" or "completed-sessions" or "failed-attempts" or "dismissed-sessions" or "killed-sessions" => MetricAggregation.Additive,
        "duration_0-15" or "duration_15-30" or "duration_30-60" or "duration_60-120" or "duration_2h-4h" or "duration_4h-8h"
            or "duration_8h-16h" or "duration_16h-1d" or "duration_1d-3d" or "duration_3d-7d" or "duration_1w-1m"
            or "duration_over-1m" or "duration_over-120" => MetricAggregation.Additive,
        "active-sessions" => MetricAggregation.DistinctOverTime,
        _ => MetricAggregation.Distinct,
    };

    /// <summary>True when the metric's values add up along every dimension (time included).</summary>
    public static bool IsAdditive(string name) => Of(name) == MetricAggregation.Additive;
}
