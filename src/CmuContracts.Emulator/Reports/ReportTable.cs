namespace CmuContracts.Emulator.Reports;

/// <summary>
/// A computed report kept as sums, not text: rows are ids into (time bucket, group, level) in answer order, and cells
/// are produced one at a time while writing, so an answer never exists as strings in memory.
/// </summary>
internal sealed class ReportTable
{
    private readonly long[] _sums;
    private readonly DateTime[] _labels;
    private readonly string[][] _groups;
    private readonly int[] _levels;
    private readonly int[] _order;
    private readonly ColumnKind[] _kinds;
    private readonly int[] _entityColumn;
    private readonly int _width;
    private readonly int _levelCount;

    /// <summary>An empty report with the given columns.</summary>
    public ReportTable(IReadOnlyList<string> dimensions, IReadOnlyList<string> metrics)
        : this(dimensions, metrics, [], [], [], [], 0, [])
    {
    }

    /// <param name="sums">Per bucket, per group, <paramref name="width"/> metric (or level) slots.</param>
    /// <param name="order">Row ids, <c>((bucket × groups) + group) × levels + level</c>, in answer order.</param>
    public ReportTable(
        IReadOnlyList<string> dimensions, IReadOnlyList<string> metrics, long[] sums, DateTime[] labels,
        string[][] groups, int[] levels, int width, int[] order)
    {
        Dimensions = dimensions;
        Metrics = metrics;
        _sums = sums;
        _labels = labels;
        _groups = groups;
        _levels = levels;
        _width = width;
        _levelCount = Math.Max(1, levels.Length);
        _order = order;
        _kinds = new ColumnKind[dimensions.Count];
        _entityColumn = new int[dimensions.Count];
        var entity = 0;
        for (var c = 0; c < dimensions.Count; c++)
        {
            _kinds[c] = KindOf(dimensions[c]);
            _entityColumn[c] = _kinds[c] == ColumnKind.Entity ? entity++ : -1;
        }
    }

    private enum ColumnKind
    {
        Year,
        Month,
        Day,
        Hour,
        Minute,
        Level,
        Entity,
    }

    /// <summary>Projected dimensions, in path order.</summary>
    public IReadOnlyList<string> Dimensions { get; }

    /// <summary>Metric columns, after the dimensions.</summary>
    public IReadOnlyList<string> Metrics { get; }

    public int RowCount => _order.Length;

    public int ColumnCount => Dimensions.Count + Metrics.Count;

    /// <summary>
    /// One cell: entity dimensions come back as <paramref name="text"/>, every other column as
    /// <paramref name="number"/> (written without leading zeros).
    /// </summary>
    public void GetCell(int row, int column, out string? text, out long number)
    {
        var id = _order[row];
        var level = id % _levelCount;
        var group = id / _levelCount % _groups.Length;
        var bucket = id / _levelCount / _groups.Length;
        text = null;
        if (column >= Dimensions.Count)
        {
            var slot = _levels.Length > 0 ? level : column - Dimensions.Count;
            number = _sums[(((bucket * _groups.Length) + group) * _width) + slot];
            return;
        }

        number = Key(_kinds[column], bucket, level);
        if (_kinds[column] == ColumnKind.Entity)
        {
            text = _groups[group][_entityColumn[column]];
        }
    }

    /// <summary>Sorts row ids by the projection: numerically for time and level columns, ordinally for entities.</summary>
    public static void Sort(IReadOnlyList<string> dimensions, DateTime[] labels, string[][] groups, int[] levels, int[] ids)
    {
        var kinds = dimensions.Select(KindOf).ToArray();
        var levelCount = Math.Max(1, levels.Length);

        // Rank each group's value per entity column once, so that comparing rows compares integers only.
        var ranks = new int[kinds.Length][];
        var entity = 0;
        for (var c = 0; c < kinds.Length; c++)
        {
            if (kinds[c] != ColumnKind.Entity)
            {
                continue;
            }

            var e = entity++;
            var distinct = groups.Select(g => g[e]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            ranks[c] = [.. groups.Select(g => distinct.BinarySearch(g[e], StringComparer.Ordinal))];
        }

        long KeyOf(int id, int c)
        {
            var level = id % levelCount;
            var group = id / levelCount % groups.Length;
            var bucket = id / levelCount / groups.Length;
            return kinds[c] switch
            {
                ColumnKind.Entity => ranks[c][group],
                ColumnKind.Level => levels[level],
                var k => TimeKey(k, labels[bucket]),
            };
        }

        Array.Sort(ids, (x, y) =>
        {
            for (var c = 0; c < kinds.Length; c++)
            {
                var diff = KeyOf(x, c).CompareTo(KeyOf(y, c));
                if (diff != 0)
                {
                    return diff;
                }
            }

            return 0;
        });
    }

    private long Key(ColumnKind kind, int bucket, int level) => kind switch
    {
        ColumnKind.Entity => 0,
        ColumnKind.Level => _levels[level],
        _ => TimeKey(kind, _labels[bucket]),
    };

    private static long TimeKey(ColumnKind kind, DateTime label) => kind switch
    {
        ColumnKind.Year => label.Year,
        ColumnKind.Month => label.Month,
        ColumnKind.Day => label.Day,
        ColumnKind.Hour => label.Hour,
        _ => label.Minute,
    };

    private static ColumnKind KindOf(string dimension) => dimension switch
    {
        Reports.Dimensions.Year => ColumnKind.Year,
        Reports.Dimensions.Month => ColumnKind.Month,
        Reports.Dimensions.Day => ColumnKind.Day,
        Reports.Dimensions.Hour => ColumnKind.Hour,
        Reports.Dimensions.Minute => ColumnKind.Minute,
        _ when Reports.Dimensions.IsLevel(dimension) => ColumnKind.Level,
        _ => ColumnKind.Entity,
    };
}
