using System.Runtime.CompilerServices;

namespace CmuContracts.Reports;

/// <summary>
/// Completes a report that CMU cut at its row limit (CMU has no paging): the window the server applied is cut at bucket
/// boundaries of the path's finest time dimension and each piece is fetched (at most <see cref="Concurrency"/> at a
/// time, through the same pipeline: bearer, retries of 429/5xx, timeouts); a piece that is cut again is cut again.
/// Every bucket lies whole in one piece, so each row is computed by the server exactly as in one request. Pieces are
/// yielded in time order, each whole; at most a few pieces (each at most the limit's rows) are held at once.
/// </summary>
internal static class UsageReportWindows
{
    /// <summary>Requests in flight at once for one report.</summary>
    public const int Concurrency = 4;

    /// <summary>
    /// Yields the answers whose rows make up the report, starting from <paramref name="first"/> (the answer to
    /// <paramref name="query"/> as given), and reports the coverage once the last one was yielded.
    /// </summary>
    /// <exception cref="UsageReportLimitException">A window reaching the limit cannot be cut.</exception>
    public static async IAsyncEnumerable<UsageReportWindowAnswer<T>> CompleteAsync<T>(
        UsageReportQuery query,
        UsageReportWindowAnswer<T> first,
        Func<UsageReportQuery, CancellationToken, Task<UsageReportWindowAnswer<T>>> fetch,
        Action<UsageReportCoverage> completed,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limit = LimitOf(first, query);
        var path = first.Applied.Path ?? query.Path;
        var start = first.Applied.Start ?? query.Start;
        var end = first.Applied.End ?? query.End;
        if (first.RowCount < limit || query.AllowsPartial)
        {
            yield return first;
            completed(new UsageReportCoverage(path, start, end, limit, first.RowCount >= limit, 1));
            yield break;
        }

        var granularity = UsageReportTime.Granularity(query.Dimensions);
        if (granularity < 0)
        {
            throw UsageReportLimits.NoTimeDimension(query, path, limit);
        }

        if (start is not { } s || end is not { } e)
        {
            throw UsageReportLimits.UnknownWindow(query, path, limit);
        }

        var pending = new LinkedList<Window<T>>(Split(query, path, limit, s, e, granularity, first));
        var started = new List<Task>();
        var windows = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var gate = new SemaphoreSlim(Concurrency);
        try
        {
            while (pending.First is { } head)
            {
                // Look ahead: the next few windows are fetched while the head is awaited (and yielded).
                var ahead = 0;
                for (var node = head; node is not null && ahead < Concurrency; node = node.Next, ahead++)
                {
                    if (node.Value.Answer is null)
                    {
                        node.Value.Answer = FetchAsync(node.Value);
                        started.Add(node.Value.Answer);
                    }
                }

                var window = head.Value;
                var answer = await window.Answer!.ConfigureAwait(false);
                pending.RemoveFirst();
                if (answer.RowCount >= LimitOf(answer, query))
                {
                    var pieces = Split(query, path, limit, window.Start, window.End, granularity, answer);
                    for (var i = pieces.Count - 1; i >= 0; i--)
                    {
                        pending.AddFirst(pieces[i]);
                    }

                    continue;
                }

                windows++;
                yield return answer;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var task in started)
            {
                // Observed so that a window failing after the report failed is no unobserved exception.
                await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        completed(new UsageReportCoverage(path, start, end, limit, false, windows));

        async Task<UsageReportWindowAnswer<T>> FetchAsync(Window<T> window)
        {
            await gate.WaitAsync(stop.Token).ConfigureAwait(false);
            try
            {
                return await fetch(query.Between(window.Start, window.End), stop.Token).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }
    }

    private static int LimitOf<T>(UsageReportWindowAnswer<T> answer, UsageReportQuery query) =>
        answer.Applied.Limit ?? query.Limit ?? UsageReportQuery.ObservedDefaultLimit;

    /// <summary>
    /// Cuts [start, end) at bucket boundaries into pieces sized from the cut answer: its rows filled some buckets, so
    /// about three quarters of that many buckets make one piece (at least <see cref="Concurrency"/> pieces, as rows
    /// sorted by a dimension before time fill fewer rows per bucket than they seem to).
    /// </summary>
    private static List<Window<T>> Split<T>(UsageReportQuery query, string path, int limit, DateTimeOffset start, DateTimeOffset end, int granularity, UsageReportWindowAnswer<T> cut)
    {
        var buckets = UsageReportTime.BucketCount(start, end, granularity);
        if (buckets <= 1 || cut.Buckets.Count == 1)
        {
            // All the limit's rows in one bucket: that bucket alone reaches the limit, whatever the window.
            var bucket = cut.Buckets.First ?? UsageReportTime.Start(UsageReportTime.Index(start, granularity), granularity);
            throw UsageReportLimits.OneBucket(query, path, limit, bucket, granularity, start, end);
        }

        long pieces = Math.Min(buckets, Concurrency);
        if (cut.Buckets.Count > 1)
        {
            var perPiece = Math.Max(1, (cut.Buckets.Count - 1) * 3L / 4);
            pieces = Math.Min(buckets, Math.Max(pieces, (buckets + perPiece - 1) / perPiece));
        }

        var first = UsageReportTime.Index(start, granularity);
        var list = new List<Window<T>>((int)Math.Min(pieces, int.MaxValue));
        var from = start;
        for (long k = 1; k < pieces; k++)
        {
            var boundary = UsageReportTime.Start(first + (buckets * k / pieces), granularity);
            list.Add(new Window<T>(from, boundary));
            from = boundary;
        }

        list.Add(new Window<T>(from, end));
        return list;
    }

    private sealed class Window<T>(DateTimeOffset start, DateTimeOffset end)
    {
        public DateTimeOffset Start { get; } = start;

        public DateTimeOffset End { get; } = end;

        public Task<UsageReportWindowAnswer<T>>? Answer { get; set; }
    }
}
