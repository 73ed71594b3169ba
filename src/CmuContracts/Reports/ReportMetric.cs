using CmuContracts.Reports;

namespace CmuContracts.AdobePass;

/// <summary>
/// A CMU metric name: the spec's <c>ReportMetric</c> (its documented values are the static properties, any other name
/// converts from a string), extended with what the library knows about adding values up.
/// </summary>
public readonly partial record struct ReportMetric
{
    /// <summary>
    /// True when the values of finer buckets add up to the coarser bucket along every dimension (days to a month,
    /// platforms to a tenant): the event counters (<c>started-sessions</c>, <c>completed-sessions</c>,
    /// <c>failed-attempts</c>, <c>dismissed-sessions</c>, <c>killed-sessions</c>) and the <c>duration_*</c> buckets.
    /// False for distinct counts, which must never be summed: <c>active-users</c> (distinct accounts: a month's is
    /// at most, and usually well below, the sum of its days), <c>active-sessions</c> (a session active over several
    /// days counts in each), the histograms' <c>users</c>, and any metric Adobe does not document (e.g.
    /// <c>bstreams-30</c>). Read a distinct count for a coarser bucket from the coarser report instead.
    /// </summary>
    public bool IsAdditive => MetricAdditivity.IsAdditive(Value);
}
