namespace CmuContracts.Emulator.Options;

/// <summary>
/// Largest CMU answer the emulator writes, counted after <c>limit</c>: more rows or cells (rows × columns) is a
/// <c>400</c> "too large" with a reason, as Adobe documents for queries that are too large.
/// </summary>
public sealed class ReportLimits
{
    /// <summary>Most rows in one answer.</summary>
    public int MaxRows { get; set; } = 50_000;

    /// <summary>Most cells (rows × (dimensions + metrics)) in one answer.</summary>
    public long MaxCells { get; set; } = 1_000_000;
}
