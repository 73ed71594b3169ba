using System.Globalization;
using CmuContracts.Emulator.Data;
using CmuContracts.Emulator.Options;
using CmuContracts.Reports;

namespace CmuContracts.Emulator.Reports;

/// <summary>
/// Aggregates the synthetic dataset on demand for one query: filter series, group them by the projected entity
/// dimensions, cut the window into time buckets, and sum exactly. Histogram paths read the per-level user slots.
/// Distinct counts (<see cref="MetricAdditivity"/>) are not sums: <c>active-users</c> and the histograms'
/// <c>users</c> are <see cref="DistinctCount"/>s of the presences summed over each cell; <c>active-sessions</c> is
/// the sessions started in the bucket plus, per series, the distinct count of the sessions carried into it.
/// </summary>
internal sealed class ReportEngine(SyntheticDataset data, ReportLimits limits)
{
    /// <summary>Upper bound on (time units scanned × series × metric slots) before a query is "too large".</summary>
    public const long MaxCost = 40_000_000;

    /// <summary>Upper bound on (time buckets × groups × metric slots) accumulated.</summary>
    public const long MaxValues = 8_000_000;

    public ReportTable? Run(ReportQuery query, DateTime retentionStart, DateTime now, out string? error)
    {
        error = null;
        var projection = query.Projection;
        var level = query.LevelDimension;
        var levels = level is null ? [] : SelectedLevels(query, level);
        var kinds = level is null ? query.Metrics.Select(MetricAdditivity.Of).ToArray() : [];

        // active-sessions sums started-sessions here; the sessions carried into each bucket are added per series below.
        var slots = level is null
            ? query.Metrics.Select(m => m == Metrics.ActiveSessions ? MetricSlots.Started : data.SlotOf(m)).ToArray()
            : levels.Select(l => (level == "concurrency-level" ? MetricSlots.FirstConcurrencyLevel : MetricSlots.FirstActivityLevel) + l - 1).ToArray();
        var series = MatchingSeries(query);
        var from = Math.Max(SyntheticDataset.ToMinute(query.Start), SyntheticDataset.ToMinute(retentionStart));
        var to = Math.Min(SyntheticDataset.ToMinute(query.End), SyntheticDataset.ToMinute(now));
        if (from >= to || series.Count == 0 || slots.Length == 0)
        {
            return new ReportTable(projection, query.Metrics);
        }

        // One group per distinct tuple of projected entity dimension values.
        var entityDims = projection.Where(Dimensions.IsEntity).Select(data.Catalog.Column).ToArray();
        var groupOf = new int[series.Count];
        var groupValues = new List<string[]>();
        var groupIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < series.Count; i++)
        {
            var values = entityDims.Select(d => data.Catalog.Series[series[i]][d]).ToArray();
            var key = string.Join('\u0001', values);
            if (!groupIds.TryGetValue(key, out var id))
            {
                id = groupIds[key] = groupValues.Count;
                groupValues.Add(values);
            }

            groupOf[i] = id;
        }

        var granularity = query.Granularity;
        var buckets = Buckets(granularity, from, to);
        var width = slots.Length;
        var groups = groupValues.Count;
        var unitMinutes = granularity switch { 4 => 1, 3 => 60, _ => 1440 };
        var cost = (((to - from) / unitMinutes) + 1) * series.Count * width * (granularity == 3 ? 24 : 1);
        if (cost > MaxCost || (long)buckets.Count * groups * width > MaxValues)
        {
            error = "Query too large: narrow the start/end window, add filters or request fewer metrics.";
            return null;
        }

        // The answer's size is known before anything is summed: refuse it early rather than write it.
        var levelCount = Math.Max(1, levels.Length);
        var total = (long)buckets.Count * groups * levelCount;
        var answered = Math.Min(total, query.Limit);
        var columns = projection.Count + query.Metrics.Count;
        if (answered > limits.MaxRows || answered * columns > limits.MaxCells)
        {
            error = string.Create(
                CultureInfo.InvariantCulture,
                $"Report too large: {answered} rows of {columns} columns exceed the emulator's maximum of {limits.MaxRows} rows and {limits.MaxCells} cells; narrow the start/end window, add filters, request fewer metrics or lower limit.");
            return null;
        }

        var stride = groups * width;
        var acc = new long[buckets.Count * stride];
        var origin = SyntheticDataset.ToMinute(buckets[0].Label);
        for (var i = 0; i < series.Count; i++)
        {
            Accumulate(series[i], slots, granularity, from, to, unitMinutes, origin, buckets, acc, stride, groupOf[i] * width);
        }

        var sessions = Array.IndexOf(kinds, MetricAggregation.DistinctOverTime);
        if (sessions >= 0)
        {
            // Carried-over sessions are distinct per series over time, and add up across series (one session, one series).
            var carried = new long[buckets.Count];
            for (var i = 0; i < series.Count; i++)
            {
                Array.Clear(carried);
                Accumulate(series[i], [MetricSlots.ActiveSessions], granularity, from, to, unitMinutes, origin, buckets, carried, 1, 0);
                for (var b = 0; b < carried.Length; b++)
                {
                    acc[(b * stride) + (groupOf[i] * width) + sessions] += DistinctCount.Of(carried[b]);
                }
            }
        }

        for (var cell = 0; cell < acc.Length; cell += width)
        {
            if (level is not null)
            {
                DistinctCount.SplitOverLevels(acc.AsSpan(cell, width));
                continue;
            }

            for (var m = 0; m < width; m++)
            {
                if (kinds[m] == MetricAggregation.Distinct)
                {
                    acc[cell + m] = DistinctCount.Of(acc[cell + m]);
                }
            }
        }

        var labels = buckets.Select(b => b.Label).ToArray();
        string[][] groupArray = [.. groupValues];
        var ids = new int[(int)total];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = i;
        }

        ReportTable.Sort(projection, labels, groupArray, levels, ids);
        if (ids.Length > query.Limit)
        {
            Array.Resize(ref ids, query.Limit);
        }

        return new ReportTable(projection, query.Metrics, acc, labels, groupArray, levels, width, ids);
    }

    /// <summary>Adds one series' stored slots over the window into per-bucket cells: <c>acc[bucket × stride + offset + slot]</c>.</summary>
    private void Accumulate(int series, int[] slots, int granularity, long from, long to, int unitMinutes, long origin, List<(long Start, long End, DateTime Label)> buckets, long[] acc, int stride, int offset)
    {
        if (granularity >= 3)
        {
            data.AddByUnit(series, slots, from, to, unitMinutes, origin, acc, stride, offset);
            return;
        }

        for (var b = 0; b < buckets.Count; b++)
        {
            data.AddRange(series, slots, buckets[b].Start, buckets[b].End, acc.AsSpan((b * stride) + offset, slots.Length));
        }
    }

    private static int[] SelectedLevels(ReportQuery query, string level)
    {
        var include = query.Filters.Where(f => f.Dimension == level && !f.Negated).Select(f => f.Value).ToHashSet(StringComparer.Ordinal);
        var exclude = query.Filters.Where(f => f.Dimension == level && f.Negated).Select(f => f.Value).ToHashSet(StringComparer.Ordinal);
        return [.. Enumerable.Range(1, Dimensions.LevelCount).Where(l =>
        {
            var name = l.ToString(CultureInfo.InvariantCulture);
            return (include.Count == 0 || include.Contains(name)) && !exclude.Contains(name);
        })];
    }

    private List<int> MatchingSeries(ReportQuery query)
    {
        var entityFilters = query.Filters.Where(f => Dimensions.IsEntity(f.Dimension)).ToArray();
        var include = entityFilters.Where(f => !f.Negated).GroupBy(f => data.Catalog.Column(f.Dimension))
            .Select(g => (Dim: g.Key, Values: g.Select(f => f.Value).ToHashSet(StringComparer.Ordinal))).ToArray();
        var exclude = entityFilters.Where(f => f.Negated).GroupBy(f => data.Catalog.Column(f.Dimension))
            .Select(g => (Dim: g.Key, Values: g.Select(f => f.Value).ToHashSet(StringComparer.Ordinal))).ToArray();
        var result = new List<int>();
        for (var s = 0; s < data.Catalog.Series.Count; s++)
        {
            var values = data.Catalog.Series[s];
            if (include.All(f => f.Values.Contains(values[f.Dim])) && !exclude.Any(f => f.Values.Contains(values[f.Dim])))
            {
                result.Add(s);
            }
        }

        return result;
    }

    private static List<(long Start, long End, DateTime Label)> Buckets(int granularity, long from, long to)
    {
        var list = new List<(long, long, DateTime)>();
        if (granularity < 0)
        {
            list.Add((from, to, default));
            return list;
        }

        var t = IsoTime.Floor(SyntheticDataset.FromMinute(from), granularity);
        while (SyntheticDataset.ToMinute(t) < to && list.Count <= MaxValues)
        {
            var next = IsoTime.Next(t, granularity);
            list.Add((Math.Max(from, SyntheticDataset.ToMinute(t)), Math.Min(to, SyntheticDataset.ToMinute(next)), t));
            t = next;
        }

        return list;
    }
}
