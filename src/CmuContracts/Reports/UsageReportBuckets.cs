namespace CmuContracts.Reports;

/// <summary>The distinct time buckets (of the path's finest time dimension) that a window's rows fall in.</summary>
internal sealed class UsageReportBuckets
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    /// <summary>How many distinct buckets the rows fill; 0 when the rows carry no time values.</summary>
    public int Count => _keys.Count;

    /// <summary>The start of the first row's bucket, if its time values read.</summary>
    public DateTimeOffset? First { get; private set; }

    /// <summary>Counts the bucket of one row, given a lookup of its dimension values.</summary>
    public void Add(Func<string, string?> dimension)
    {
        if (UsageReportTime.BucketKey(dimension) is { } key && _keys.Add(key) && _keys.Count == 1)
        {
            First = UsageReportTime.BucketStart(dimension);
        }
    }
}
