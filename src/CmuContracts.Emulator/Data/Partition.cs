namespace CmuContracts.Emulator.Data;

/// <summary>Splits an integer total into parts that add up to it exactly, with deterministic pseudo-random weights.</summary>
internal static class Partition
{
    /// <summary>Hour-of-day shape: more viewing in the evening.</summary>
    public static readonly int[] HourShape = [6, 4, 3, 2, 2, 3, 5, 8, 10, 11, 12, 12, 13, 13, 13, 14, 16, 19, 23, 27, 29, 26, 18, 10];

    /// <summary>Duration-bucket shape: most sessions are short.</summary>
    public static readonly int[] DurationShape = [30, 22, 18, 12, 8, 4, 2, 1, 1, 1, 1, 1];

    /// <summary>Concurrency/activity level shape: most users watch one stream at a time.</summary>
    public static readonly int[] LevelShape = [60, 25, 9, 4, 2];

    public static void Split(long total, ulong key, ReadOnlySpan<int> shape, Span<long> dest)
    {
        var n = dest.Length;
        Span<long> weights = stackalloc long[n];
        long sum = 0;
        for (var i = 0; i < n; i++)
        {
            var w = (shape.IsEmpty ? 10 : shape[i]) * (50 + (long)(Hash.Of(key, (ulong)i) % 50));
            weights[i] = w;
            sum += w;
        }

        long given = 0;
        for (var i = 0; i < n; i++)
        {
            dest[i] = total * weights[i] / sum;
            given += dest[i];
        }

        var remainder = total - given;
        var at = (int)(Hash.Mix(key) % (ulong)n);
        for (long r = 0; r < remainder; r++)
        {
            dest[at]++;
            at = (at + 1) % n;
        }
    }
}
