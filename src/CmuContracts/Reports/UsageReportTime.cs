using System.Globalization;
using CmuContracts.AdobePass;

namespace CmuContracts.Reports;

/// <summary>
/// Time buckets of a report's finest time dimension (0 = year … 4 = minute), as UTC calendar units [I: CMU's
/// self links carry times without a zone; the library sends UTC], and CMU's time parameter values.
/// </summary>
internal static class UsageReportTime
{
    private static readonly string[] Prefixes =
    [
        "yyyy", "yyyy-MM", "yyyy-MM-dd", "yyyy-MM-dd'T'HH", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    private static readonly string[] Names = [.. ReportDimension.Time.Select(d => d.Value)];

    /// <summary>The rank of the finest time dimension of a path (0 = year … 4 = minute), or -1 when it has none.</summary>
    public static int Granularity(IEnumerable<string> dimensions) =>
        dimensions.Select(d => Array.IndexOf(Names, d)).DefaultIfEmpty(-1).Max();

    public static string Name(int granularity) => Names[granularity];

    /// <summary>The index of the bucket holding <paramref name="time"/>: years, months, days, hours or minutes since year 0 / the epoch.</summary>
    public static long Index(DateTimeOffset time, int granularity)
    {
        var t = time.UtcDateTime;
        return granularity switch
        {
            0 => t.Year,
            1 => (t.Year * 12L) + t.Month - 1,
            2 => t.Ticks / TimeSpan.TicksPerDay,
            3 => t.Ticks / TimeSpan.TicksPerHour,
            _ => t.Ticks / TimeSpan.TicksPerMinute,
        };
    }

    /// <summary>The start of bucket <paramref name="index"/>.</summary>
    public static DateTimeOffset Start(long index, int granularity) => granularity switch
    {
        0 => new DateTimeOffset((int)index, 1, 1, 0, 0, 0, TimeSpan.Zero),
        1 => new DateTimeOffset((int)(index / 12), (int)(index % 12) + 1, 1, 0, 0, 0, TimeSpan.Zero),
        2 => new DateTimeOffset(index * TimeSpan.TicksPerDay, TimeSpan.Zero),
        3 => new DateTimeOffset(index * TimeSpan.TicksPerHour, TimeSpan.Zero),
        _ => new DateTimeOffset(index * TimeSpan.TicksPerMinute, TimeSpan.Zero),
    };

    /// <summary>
    /// The start of the bucket of the finest time dimension of <paramref name="dimensions"/> that <paramref name="end"/>
    /// (exclusive) lies inside, or null when it is a bucket boundary or there is no time dimension.
    /// </summary>
    public static DateTimeOffset? PartialBucketStart(IEnumerable<string> dimensions, DateTimeOffset end)
    {
        var granularity = Granularity(dimensions);
        if (granularity < 0)
        {
            return null;
        }

        var start = Start(Index(end, granularity), granularity);
        return start == end ? null : start;
    }

    /// <summary>How many buckets [<paramref name="start"/>, <paramref name="end"/>) touches.</summary>
    public static long BucketCount(DateTimeOffset start, DateTimeOffset end, int granularity)
    {
        if (end <= start)
        {
            return 0;
        }

        var last = Index(end, granularity);
        var endsOnBoundary = Start(last, granularity) == end;
        return (endsOnBoundary ? last : last + 1) - Index(start, granularity);
    }

    /// <summary>A bucket for a message: <c>the day 2025-05-01</c>.</summary>
    public static string Describe(DateTimeOffset bucketStart, int granularity)
    {
        var format = granularity switch
        {
            0 => "yyyy",
            1 => "yyyy-MM",
            2 => "yyyy-MM-dd",
            3 => "yyyy-MM-dd'T'HH':00Z'",
            _ => "yyyy-MM-dd'T'HH:mm'Z'",
        };
        return $"the {Name(granularity)} {bucketStart.UtcDateTime.ToString(format, CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// Reads a CMU time value: an ISO-8601 date-time or a prefix of one (UTC unless it carries a zone) [D], or epoch
    /// milliseconds (the doc calls <c>end</c> "in millis" [D]; its examples are ISO).
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.Length >= 10 && text.All(char.IsAsciiDigit))
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms > 253402300799999)
            {
                return false;
            }

            time = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            return true;
        }

        if (DateTime.TryParseExact(text, Prefixes, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            time = new DateTimeOffset(utc, TimeSpan.Zero);
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            return false;
        }

        time = time.ToUniversalTime();
        return true;
    }

    /// <summary>
    /// The bucket key of a record (its time dimension values joined), or null when it carries none. Two records share
    /// a key exactly when they share the bucket of the path's finest time dimension.
    /// </summary>
    public static string? BucketKey(Func<string, string?> dimension)
    {
        string? key = null;
        foreach (var name in Names)
        {
            if (dimension(name) is { } value)
            {
                key = key is null ? value : key + "|" + value;
            }
        }

        return key;
    }

    /// <summary>The start of a record's bucket from its time dimension values, or null.</summary>
    public static DateTimeOffset? BucketStart(Func<string, string?> dimension)
    {
        int? Part(string name) => dimension(name) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        if (Part(Names[0]) is not { } year)
        {
            return null;
        }

        try
        {
            return new DateTimeOffset(year, Part(Names[1]) ?? 1, Part(Names[2]) ?? 1, Part(Names[3]) ?? 0, Part(Names[4]) ?? 0, 0, TimeSpan.Zero);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
