using System.Globalization;
using CmuContracts.AdobePass;

namespace CmuContracts.Reports;

/// <summary>
/// The order of a report's rows: by its projected dimensions in path order, time and histogram-level values as
/// numbers, others ordinally. That is the emulator's order; CMU documents no row order, so for the real service this
/// is [I]. Time windows of one report hold disjoint buckets, so merging their rows by this order gives the order of
/// one request; on paths whose first dimensions are not time (<c>/tenant/year/…</c>) that differs from the windows
/// one after the other.
/// </summary>
internal sealed class UsageRecordOrder : IComparer<UsageRecord>
{
    private readonly string[] _columns;
    private readonly bool[] _numeric;

    public UsageRecordOrder(IReadOnlyList<string> columns)
    {
        _columns = [.. columns];
        _numeric = [.. _columns.Select(c => new ReportDimension(c) is { IsTime: true } or { IsLevel: true })];
    }

    /// <summary>The windows' rows (each window in this order) as one list in this order; ties keep window order.</summary>
    public IReadOnlyList<UsageRecord> Merge(IEnumerable<IReadOnlyList<UsageRecord>> windows) =>
        [.. windows.SelectMany(w => w).OrderBy(r => r, this)];

    public int Compare(UsageRecord? x, UsageRecord? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            var a = x.GetDimension(_columns[i]);
            var b = y.GetDimension(_columns[i]);
            var diff = _numeric[i] && Number(a) is { } na && Number(b) is { } nb ? na.CompareTo(nb) : string.CompareOrdinal(a, b);
            if (diff != 0)
            {
                return diff;
            }
        }

        return 0;
    }

    private static long? Number(string? text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
}
