namespace CmuContracts.Reports;

/// <summary>One dimension filter of a <see cref="UsageReportQuery"/>.</summary>
public sealed class UsageFilter
{
    internal UsageFilter(string dimension, UsageFilterKind kind, IReadOnlyList<string> values)
    {
        Dimension = dimension;
        Kind = kind;
        Values = values;
    }

    /// <summary>The dimension filtered, e.g. <c>mvpd</c>.</summary>
    public string Dimension { get; }

    /// <summary>IN, NOT IN, or a bare dimension.</summary>
    public UsageFilterKind Kind { get; }

    /// <summary>The values matched; empty for <see cref="UsageFilterKind.Projection"/>.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The query key on the wire: the dimension, with a trailing <c>!</c> for NOT IN.</summary>
    public string WireKey => Kind == UsageFilterKind.NotIn ? Dimension + "!" : Dimension;

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        UsageFilterKind.In => $"{Dimension} IN ({string.Join(", ", Values)})",
        UsageFilterKind.NotIn => $"{Dimension} NOT IN ({string.Join(", ", Values)})",
        _ => Dimension,
    };
}
