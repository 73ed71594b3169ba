namespace CmuContracts.Emulator.Data;

/// <summary>
/// Distinct counts from presences [I]: a user (or a session carried over from an earlier bucket) present in several
/// finer buckets or series is one in the coarser bucket. The dataset stores presences, which add up; a distinct count
/// is <c>ceil(p^0.8)</c> of the presences summed over the bucket. That function is increasing and concave with
/// f(0) = 0, and the ceiling keeps it subadditive, so a coarser bucket's count is at most the sum of its finer
/// buckets' counts (and well below it: 30 equal days make a month of 30^0.8 ≈ 15 days' worth) and at least the
/// largest of them, deterministically.
/// </summary>
internal static class DistinctCount
{
    public const double Exponent = 0.8;

    public static long Of(long presences) => presences <= 0 ? 0 : (long)Math.Ceiling(Math.Pow(presences, Exponent));

    /// <summary>
    /// Replaces the presences per histogram level of one cell by the cell's distinct users split over the levels in
    /// proportion to the presences (largest remainders first, then the lower level), so the levels still partition
    /// the cell's <c>active-users</c>.
    /// </summary>
    public static void SplitOverLevels(Span<long> levels)
    {
        long presences = 0;
        foreach (var p in levels)
        {
            presences += p;
        }

        var users = Of(presences);
        if (users == 0)
        {
            levels.Clear();
            return;
        }

        Span<long> remainders = stackalloc long[levels.Length];
        long given = 0;
        for (var l = 0; l < levels.Length; l++)
        {
            var share = users * levels[l];
            remainders[l] = share % presences;
            levels[l] = share / presences;
            given += levels[l];
        }

        for (; given < users; given++)
        {
            var best = 0;
            for (var l = 1; l < levels.Length; l++)
            {
                if (remainders[l] > remainders[best])
                {
                    best = l;
                }
            }

            levels[best]++;
            remainders[best] = -1;
        }
    }
}
