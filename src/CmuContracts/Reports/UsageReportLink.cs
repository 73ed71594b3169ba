namespace CmuContracts.Reports;

/// <summary>A HAL link of a <see cref="UsageReport"/> (roll-up or drill-down).</summary>
public sealed class UsageReportLink
{
    /// <summary>Creates a link (for tests and mocks; reports received from CMU carry their own).</summary>
    /// <param name="name">The dimension the link adds (drill-down) or ends at (roll-up).</param>
    /// <param name="href">The link as CMU sent it, e.g. <c>/cmu/v2/tenant/year</c>.</param>
    /// <param name="dimensions">The dimension path it leads to.</param>
    public UsageReportLink(string name, string href, IReadOnlyList<string> dimensions)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(href);
        ArgumentNullException.ThrowIfNull(dimensions);
        Name = name;
        Href = href;
        Dimensions = dimensions;
    }

    /// <summary>The link's name: for a drill-down, the dimension it adds.</summary>
    public string Name { get; }

    /// <summary>The href as received (a path only: CMU links carry no query string).</summary>
    public string Href { get; }

    /// <summary>The dimension path the link leads to, relative to the CMU base address.</summary>
    public IReadOnlyList<string> Dimensions { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} -> {Href}";
}
