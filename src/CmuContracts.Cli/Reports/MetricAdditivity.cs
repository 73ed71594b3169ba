namespace CmuContracts.Cli.Reports;

/// <summary>
/// Whether a CMU metric adds up across time buckets and dimension values. This mirrors the library's
/// <c>UsageMetric.IsAdditive</c> rule (adobe-pass facts, CMU metrics): event counts add up; distinct counts
/// (<c>active-users</c>, <c>active-sessions</c>, the histograms' <c>users</c>) do not, and neither does any metric
/// whose rule is not documented (the duration buckets, names CMU adds later), so nothing unknown is ever summed.
/// </summary>
internal static class MetricAdditivity
{
    public static bool IsAdditive(string metric) => metric is
        "started-sessions" or "completed-sessions" or "failed-attempts" or "dismissed-sessions" or "killed-sessions";
}
