namespace CmuContracts.Emulator.Reports;

/// <summary>A dimension filter from the query string: <c>d=v</c> (repeated = IN) or <c>d!=v</c> (NOT IN).</summary>
internal sealed record DimensionFilter(string Dimension, string Value, bool Negated);

/// <summary>A parsed, validated CMU report request with every default applied.</summary>
internal sealed record ReportQuery(
    ReportNode Node,
    DateTime Start,
    DateTime End,
    int Limit,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<DimensionFilter> Filters,
    IReadOnlyList<string> ForcedDimensions,
    string? Format)
{
    /// <summary>Path dimensions, then forced dimensions not already in the path.</summary>
    public IReadOnlyList<string> Projection { get; } =
        [.. Node.Segments, .. ForcedDimensions.Where(d => !Node.Segments.Contains(d, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal)];

    /// <summary>The finest time dimension in the path (0 = year … 4 = minute), or -1 when there is none.</summary>
    public int Granularity { get; } = Node.Segments.Select(Dimensions.TimeRank).DefaultIfEmpty(-1).Max();

    /// <summary>The histogram dimension of the path, if any.</summary>
    public string? LevelDimension { get; } = Node.Segments.FirstOrDefault(Dimensions.IsLevel);
}
