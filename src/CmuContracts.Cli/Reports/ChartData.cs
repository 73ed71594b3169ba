using System.Globalization;
using CmuContracts.AdobePass;
using CmuContracts.Reports;

namespace CmuContracts.Cli.Reports;

/// <summary>One time bucket of a chart: its start (UTC) and its label (<c>2026-11</c>, <c>2026-11-05 13:00</c>).</summary>
internal sealed record ChartBucket(DateTime Start, string Label);

/// <summary>One line (or bar colour) of a chart: the values of one combination of non-time dimension values.</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>
/// A time series report as chart data: one series per combination of the report's non-time dimension values
/// (path and <c>--include</c> dimensions), each value exactly as CMU sent it. Values of different series are never
/// added: a distinct count such as <c>active-users</c> does not add up across platforms, applications or tenants.
/// </summary>
internal sealed class ChartData
{
    /// <summary>More series than this make a chart nobody can read; the caller asks for a <c>--filter</c> instead.</summary>
    public const int MaxSeries = 8;

    private ChartData(string metric, string grouping, IReadOnlyList<string> seriesDimensions, IReadOnlyList<KeyValuePair<string, string>> fixedValues, IReadOnlyList<ChartBucket> buckets, IReadOnlyList<ChartSeries> series, string? refusal)
    {
        Metric = metric;
        Grouping = grouping;
        SeriesDimensions = seriesDimensions;
        FixedValues = fixedValues;
        Buckets = buckets;
        Series = series;
        Refusal = refusal;
    }

    public string Metric { get; }

    /// <summary>The finest time dimension: <c>day</c> for <c>/tenant/year/month/day</c>.</summary>
    public string Grouping { get; }

    /// <summary>The dimensions whose values name the series (<c>tenant</c>, <c>mvpd</c>); empty for a single series.</summary>
    public IReadOnlyList<string> SeriesDimensions { get; }

    /// <summary>The dimensions with one value across the report (<c>tenant</c> = <c>Acme</c> after a filter).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FixedValues { get; }

    /// <summary>The time buckets in the report, oldest first.</summary>
    public IReadOnlyList<ChartBucket> Buckets { get; }

    /// <summary>The series in the report's order; each has one value per bucket (null where CMU sent no row).</summary>
    public IReadOnlyList<ChartSeries> Series { get; }

    /// <summary>Why this report cannot be charted honestly (too many series, repeated rows of a distinct count); null when it can.</summary>
    public string? Refusal { get; }

    public bool IsAdditive => new ReportMetric(Metric).IsAdditive;

    /// <summary>What is charted: <c>active-users per day by mvpd, tenant Acme</c>.</summary>
    public string Subject =>
        $"{Metric} per {Grouping}"
        + (SeriesDimensions.Count > 0 ? " by " + string.Join(" and ", SeriesDimensions) : string.Empty)
        + string.Concat(FixedValues.Select(f => $", {f.Key} {f.Value}"));

    /// <summary>The caveat a reader of several series needs: a distinct count's series do not add up to a total.</summary>
    public string? DistinctCountNote => Series.Count > 1 && !IsAdditive ? $"{Metric} is a distinct count: the series do not add up to a total" : null;

    /// <summary>The column to chart: <paramref name="chartMetric"/> (<c>--chart-metric</c>), else the first metric; -1 when the report has none.</summary>
    /// <exception cref="CliUsageException">The chosen metric is not a metric of the report.</exception>
    public static int MetricColumn(ReportData data, string? chartMetric)
    {
        if (chartMetric is null)
        {
            var first = Enumerable.Range(0, data.Columns.Count).FirstOrDefault(data.IsMetric, -1);
            return first;
        }

        var index = Enumerable.Range(0, data.Columns.Count).FirstOrDefault(i => data.Columns[i] == chartMetric, -1);
        return index >= 0 && data.IsMetric(index)
            ? index
            : throw new CliUsageException($"--chart-metric {chartMetric} is not a metric of this report (metrics: {string.Join(", ", Enumerable.Range(0, data.Columns.Count).Where(data.IsMetric).Select(i => data.Columns[i]))}).");
    }

    /// <summary>The chart of <paramref name="metricColumn"/> of a report with time columns.</summary>
    public static ChartData From(ReportData data, int metricColumn)
    {
        var time = data.TimeColumns;
        var keys = Enumerable.Range(0, data.Columns.Count).Where(i => !data.IsMetric(i) && !time.Contains(i)).ToList();
        var metric = data.Columns[metricColumn];
        string? refusal = null;
        var points = new List<(string[] Key, ChartBucket Bucket, double Value)>();
        foreach (var row in data.Rows)
        {
            if (!double.TryParse(row[metricColumn], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue; // No value in this row: no data, not zero.
            }

            if (Bucket([.. time.Select(i => (data.Columns[i], row[i]))]) is not { } bucket)
            {
                refusal ??= $"a row's time ({string.Join("-", time.Select(i => row[i]))}) is not a calendar time";
                continue;
            }

            points.Add(([.. keys.Select(i => row[i])], bucket, value));
        }

        // A dimension with one value in the whole report names no series: it describes the chart (tenant Acme).
        var varying = Enumerable.Range(0, keys.Count).Where(k => points.Select(p => p.Key[k]).Distinct(StringComparer.Ordinal).Skip(1).Any()).ToList();
        var fixedValues = points.Count == 0
            ? []
            : Enumerable.Range(0, keys.Count).Except(varying).Select(k => new KeyValuePair<string, string>(data.Columns[keys[k]], points[0].Key[k])).ToList();
        var names = new List<string>();
        var cells = new Dictionary<(string Series, DateTime Bucket), double>();
        foreach (var (key, bucket, value) in points)
        {
            var name = varying.Count > 0 ? string.Join(" · ", varying.Select(k => key[k])) : key.Length > 0 ? string.Join(" · ", key) : "all";
            if (!names.Contains(name))
            {
                names.Add(name);
            }

            if (cells.TryGetValue((name, bucket.Start), out var existing))
            {
                // Two rows for one cell: only an additive metric (the library's ReportMetric.IsAdditive) may be added; a distinct
                // count would be overcounted.
                if (!new ReportMetric(metric).IsAdditive)
                {
                    refusal ??= $"the report has more than one row for {name} at {bucket.Label}, and {metric} is a distinct count, which cannot be added";
                }

                cells[(name, bucket.Start)] = existing + value;
            }
            else
            {
                cells[(name, bucket.Start)] = value;
            }
        }

        var buckets = points.Select(p => p.Bucket).DistinctBy(b => b.Start).OrderBy(b => b.Start).ToList();
        var series = names.Select(n => new ChartSeries(n, [.. buckets.Select(b => cells.TryGetValue((n, b.Start), out var v) ? v : (double?)null)])).ToList();
        var dimensions = varying.Select(k => data.Columns[keys[k]]).ToList();
        if (series.Count > MaxSeries)
        {
            var first = dimensions[0];
            refusal ??= $"{series.Count} {string.Join(" and ", dimensions)} values would make {series.Count} series (at most {MaxSeries} stay readable); "
                + $"narrow the report with --filter (e.g. --filter {first}={points[0].Key[varying[0]]}), or leave out --dimension {first} to chart CMU's own total"
                + (new ReportMetric(metric).IsAdditive ? string.Empty : $" ({metric} is a distinct count: the series would not add up to it)");
        }

        return new ChartData(metric, data.Columns[time[^1]], dimensions, fixedValues, buckets, series, refusal);
    }

    // The bucket's start from year … minute (absent finer parts are the start of the coarser one) and its label.
    private static ChartBucket? Bucket(IReadOnlyList<(string Dimension, string Value)> cells)
    {
        var parts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (dimension, value) in cells)
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            parts[dimension] = number;
        }

        DateTime start;
        try
        {
            start = new DateTime(Part(ReportDimension.Year, 1), Part(ReportDimension.Month, 1), Part(ReportDimension.Day, 1), Part(ReportDimension.Hour, 0), Part(ReportDimension.Minute, 0), 0, DateTimeKind.Utc);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }

        var finest = new ReportDimension(cells[^1].Dimension);
        var format = finest == ReportDimension.Year ? "yyyy"
            : finest == ReportDimension.Month ? "yyyy-MM"
            : finest == ReportDimension.Day ? "yyyy-MM-dd"
            : "yyyy-MM-dd HH:mm";
        return new ChartBucket(start, start.ToString(format, CultureInfo.InvariantCulture));

        int Part(ReportDimension dimension, int missing) => parts.GetValueOrDefault(dimension.Value, missing);
    }
}
