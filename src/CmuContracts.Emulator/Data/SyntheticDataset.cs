using System.Collections.Concurrent;
using CmuContracts.Emulator.Reports;

namespace CmuContracts.Emulator.Data;

/// <summary>
/// Deterministic usage data. Per (series, day) every stored slot is a pure function of the seed; a day is split into
/// hours and an hour into minutes by exact integer partitions, so any time range sums exactly. Days are computed lazily
/// and cached. Times are minutes since the Unix epoch; callers clip ranges to the retention window and the clock.
/// Stored slots are additive: event counts, and presences for the distinct counts (the <c>active-users</c> slot and
/// the histogram levels hold user presences, the <c>active-sessions</c> slot the sessions carried over from an earlier
/// bucket), which the report engine turns into distinct counts per answer cell. A metric the spec declares that the
/// model does not compute (<see cref="MetricSlots.Of"/> is -1) gets a slot of its own after the stored ones, filled
/// like the others [I]: so it is an event count where <see cref="CmuContracts.Reports.MetricAdditivity"/> says it adds
/// up, and presences (a distinct count per cell) otherwise.
/// </summary>
internal sealed class SyntheticDataset
{
    private const int MinutesPerDay = 1440;
    private readonly ulong _seed;
    private readonly ConcurrentDictionary<long, int[]> _days = new();
    private readonly int _metricCount;
    private readonly string[] _extraMetrics;
    private readonly ulong[] _extraKeys;

    public SyntheticDataset(int seed, CmuVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _seed = (ulong)seed;
        Catalog = new SeriesCatalog(seed, vocabulary.DimensionNames.Where(Reports.Dimensions.IsEntity));
        _extraMetrics = [.. vocabulary.Metrics.Where(m => m != Metrics.Users && MetricSlots.Of(m) < 0)];
        _extraKeys = [.. _extraMetrics.Select(Hash.OfName)];
        _metricCount = MetricSlots.StoredCount + _extraMetrics.Length;
    }

    public SeriesCatalog Catalog { get; }

    /// <summary>The slot of a metric: stored, or one of the declared metrics' own; -1 for a name the spec does not declare.</summary>
    public int SlotOf(string metric)
    {
        var stored = MetricSlots.Of(metric);
        if (stored >= 0)
        {
            return stored;
        }

        var extra = Array.IndexOf(_extraMetrics, metric);
        return extra < 0 ? -1 : MetricSlots.StoredCount + extra;
    }

    public static long ToMinute(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMinute;

    public static DateTime FromMinute(long minute) => DateTime.UnixEpoch.AddMinutes(minute);

    /// <summary>Adds the sums of the given metrics of one series over [start, end) (minutes) into <paramref name="acc"/>.</summary>
    public void AddRange(int series, ReadOnlySpan<int> metrics, long start, long end, Span<long> acc)
    {
        Span<long> parts = stackalloc long[60];
        for (var day = FloorDiv(start, MinutesPerDay); start < end; day++)
        {
            var dayStart = day * MinutesPerDay;
            var dayEnd = dayStart + MinutesPerDay;
            var values = DayValues(day);
            var offset = series * _metricCount;
            if (start == dayStart && end >= dayEnd)
            {
                for (var m = 0; m < metrics.Length; m++)
                {
                    acc[m] += values[offset + metrics[m]];
                }
            }
            else
            {
                var to = Math.Min(end, dayEnd);
                for (var m = 0; m < metrics.Length; m++)
                {
                    acc[m] += PartialDay(values[offset + metrics[m]], series, day, metrics[m], start - dayStart, to - dayStart, parts);
                }
            }

            start = dayEnd;
        }
    }

    /// <summary>
    /// Adds one series' metrics over [start, end) into per-unit buckets (unit = 60 for hours, 1 for minutes):
    /// <c>acc[((t - origin) / unit) * stride + offset + m]</c> for each minute t.
    /// </summary>
    public void AddByUnit(int series, ReadOnlySpan<int> metrics, long start, long end, int unit, long origin, Span<long> acc, int stride, int offset)
    {
        Span<long> hours = stackalloc long[24];
        Span<long> minutes = stackalloc long[60];
        for (var day = FloorDiv(start, MinutesPerDay); day * MinutesPerDay < end; day++)
        {
            var dayStart = day * MinutesPerDay;
            var values = DayValues(day);
            for (var m = 0; m < metrics.Length; m++)
            {
                var dayValue = values[(series * _metricCount) + metrics[m]];
                if (dayValue == 0)
                {
                    continue;
                }

                var key = HourKey(series, day, metrics[m]);
                Partition.Split(dayValue, key, Partition.HourShape, hours);
                for (var h = 0; h < 24; h++)
                {
                    var hourStart = dayStart + (h * 60L);
                    if (hourStart + 60 <= start || hourStart >= end || hours[h] == 0)
                    {
                        continue;
                    }

                    if (unit == 60 && start <= hourStart && end >= hourStart + 60)
                    {
                        acc[(int)(((hourStart - origin) / 60 * stride) + offset + m)] += hours[h];
                        continue;
                    }

                    Partition.Split(hours[h], Hash.Of(key, (ulong)h), ReadOnlySpan<int>.Empty, minutes);
                    var a = Math.Max(start, hourStart);
                    var b = Math.Min(end, hourStart + 60);
                    for (var t = a; t < b; t++)
                    {
                        acc[(int)(((t - origin) / unit * stride) + offset + m)] += minutes[(int)(t - hourStart)];
                    }
                }
            }
        }
    }

    private ulong HourKey(int series, long day, int metric) => Hash.Of(_seed ^ 0x40, (ulong)series, (ulong)day, (ulong)metric);

    private long PartialDay(long dayValue, int series, long day, int metric, long from, long to, Span<long> parts)
    {
        var hours = parts[..24];
        var key = HourKey(series, day, metric);
        Partition.Split(dayValue, key, Partition.HourShape, hours);
        Span<long> hourValues = stackalloc long[24];
        hours.CopyTo(hourValues);
        long sum = 0;
        for (var h = (int)(from / 60); h * 60L < to; h++)
        {
            var hourStart = h * 60L;
            if (from <= hourStart && to >= hourStart + 60)
            {
                sum += hourValues[h];
                continue;
            }

            var minutes = parts[..60];
            Partition.Split(hourValues[h], Hash.Of(key, (ulong)h), ReadOnlySpan<int>.Empty, minutes);
            var a = (int)Math.Max(from - hourStart, 0);
            var b = (int)Math.Min(to - hourStart, 60);
            for (var i = a; i < b; i++)
            {
                sum += minutes[i];
            }
        }

        return sum;
    }

    private int[] DayValues(long day) => _days.GetOrAdd(day, Generate);

    private int[] Generate(long day)
    {
        var series = Catalog.Series.Count;
        var values = new int[series * _metricCount];
        var weekend = (int)(((day % 7) + 7 + 4) % 7) >= 5; // day 0 (1970-01-01) was a Thursday
        Span<long> durations = stackalloc long[MetricSlots.DurationCount];
        Span<long> levels = stackalloc long[Reports.Dimensions.LevelCount];
        for (var s = 0; s < series; s++)
        {
            var h = Hash.Of(_seed, (ulong)s, (ulong)day);
            var factor = (weekend ? 1.3 : 1.0) * (0.6 + (0.8 * Hash.Unit(h)));
            long started = (long)(Catalog.Popularity[s] * factor);
            var o = s * _metricCount;
            var completed = started - (long)(Hash.Of(h, 1) % (ulong)((started / 10) + 1));
            var activeSessions = started + (long)(Hash.Of(h, 2) % (ulong)((started / 5) + 1));
            var activeUsers = (activeSessions * 3 / 4) + (long)(Hash.Of(h, 3) % 3);
            values[o + MetricSlots.Started] = (int)started;
            values[o + MetricSlots.Completed] = (int)completed;
            values[o + MetricSlots.ActiveSessions] = (int)(activeSessions - started); // carried over: active without starting here
            values[o + MetricSlots.ActiveUsers] = (int)activeUsers;
            values[o + MetricSlots.Failed] = (int)(Hash.Of(h, 4) % (ulong)((started / 20) + 2));
            values[o + MetricSlots.Dismissed] = (int)(Hash.Of(h, 5) % (ulong)((started / 50) + 2));
            values[o + MetricSlots.Killed] = (int)(Hash.Of(h, 6) % (ulong)((started / 100) + 2));
            Partition.Split(completed, Hash.Of(h, 7), Partition.DurationShape, durations);
            for (var d = 0; d < durations.Length; d++)
            {
                values[o + MetricSlots.FirstDuration + d] = (int)durations[d];
            }

            Partition.Split(activeUsers, Hash.Of(h, 8), Partition.LevelShape, levels);
            for (var l = 0; l < levels.Length; l++)
            {
                values[o + MetricSlots.FirstConcurrencyLevel + l] = (int)levels[l];
            }

            Partition.Split(activeUsers, Hash.Of(h, 9), Partition.LevelShape, levels);
            for (var l = 0; l < levels.Length; l++)
            {
                values[o + MetricSlots.FirstActivityLevel + l] = (int)levels[l];
            }

            // A declared metric the model does not compute: up to half the started sessions, keyed by its name [I].
            for (var e = 0; e < _extraKeys.Length; e++)
            {
                values[o + MetricSlots.StoredCount + e] = (int)(Hash.Of(h, 0xE7, _extraKeys[e]) % (ulong)((started / 2) + 2));
            }
        }

        return values;
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : ((a + 1) / b) - 1;
}
