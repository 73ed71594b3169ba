namespace CmuContracts.Reports;

/// <summary>What a <see cref="UsageFilter"/> does to its dimension.</summary>
public enum UsageFilterKind
{
    /// <summary>Keep records whose dimension is one of the values (<c>d=a&amp;d=b</c>, SQL <c>IN</c>).</summary>
    In,

    /// <summary>Drop records whose dimension is one of the values (<c>d!=a&amp;d!=b</c>, SQL <c>NOT IN</c>).</summary>
    NotIn,

    /// <summary>No values: forces the dimension into the projection although it is not in the path (a bare <c>?d</c>).</summary>
    Projection,
}
