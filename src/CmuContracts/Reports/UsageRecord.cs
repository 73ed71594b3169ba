using System.Globalization;

namespace CmuContracts.Reports;

/// <summary>
/// One row of a CMU report: its dimension values and its metrics, both in the report's column
/// order. CMU renders every value as text; metrics are read as integers.
/// </summary>
public sealed class UsageRecord
{
    private readonly OrderedDictionary<string, string> _dimensions;
    private readonly OrderedDictionary<string, long> _metrics;

    /// <summary>Creates a record (for tests and mocks; <see cref="IUsageReports"/> builds them from CMU's answer).</summary>
    /// <param name="dimensions">Dimension name to value, in column order.</param>
    /// <param name="metrics">Metric name to value, in column order.</param>
    public UsageRecord(IEnumerable<KeyValuePair<string, string>> dimensions, IEnumerable<KeyValuePair<string, long>> metrics)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(metrics);
        _dimensions = new OrderedDictionary<string, string>(dimensions, StringComparer.Ordinal);
        _metrics = new OrderedDictionary<string, long>(metrics, StringComparer.Ordinal);
    }

    /// <summary>Dimension name to value (<c>tenant</c> → <c>Acme</c>, <c>month</c> → <c>5</c>), in column order.</summary>
    public IReadOnlyDictionary<string, string> Dimensions => _dimensions;

    /// <summary>Metric name to value (<c>active-users</c> → 48211), in column order.</summary>
    public IReadOnlyDictionary<string, long> Metrics => _metrics;

    /// <summary>The value of a metric, or null when the record does not carry it.</summary>
    /// <param name="metric">The metric, e.g. <see cref="UsageMetric.ActiveUsers"/>.</param>
    public long? GetMetric(UsageMetric metric) => _metrics.TryGetValue(metric.Name, out var value) ? value : null;

    /// <summary>The value of a dimension, or null when the record does not carry it.</summary>
    /// <param name="dimension">The dimension, e.g. <see cref="UsageDimensions.Tenant"/>.</param>
    public string? GetDimension(string dimension) => _dimensions.TryGetValue(dimension, out var value) ? value : null;

    /// <summary>
    /// The start of the record's time bucket (UTC) from its <c>year</c> … <c>minute</c> values, or null
    /// when it has no <c>year</c> (paths without time dimensions) or the values are no calendar time.
    /// </summary>
    public DateTimeOffset? PeriodStart
    {
        get
        {
            if (Time(UsageDimensions.Year) is not { } year)
            {
                return null;
            }

            try
            {
                return new DateTimeOffset(year, Time(UsageDimensions.Month) ?? 1, Time(UsageDimensions.Day) ?? 1, Time(UsageDimensions.Hour) ?? 0, Time(UsageDimensions.Minute) ?? 0, 0, TimeSpan.Zero);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null; // Not a calendar time (a server quirk): no period rather than a crash.
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(", ", _dimensions.Select(d => $"{d.Key}={d.Value}").Concat(_metrics.Select(m => $"{m.Key}={m.Value.ToString(CultureInfo.InvariantCulture)}")));

    private int? Time(string dimension) =>
        GetDimension(dimension) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
