using CmuContracts.AdobePass;

namespace CmuContracts.Reports;

/// <summary>
/// A roll-up or drill-down <see cref="AdobePass.Link"/> of a <see cref="UsageReport"/>, with the dimension path it
/// leads to (read from its href, relative to the CMU base path).
/// </summary>
public sealed class UsageReportLink
{
    /// <summary>Creates a link (for tests and mocks; reports received from CMU carry their own).</summary>
    /// <param name="name">The dimension the link adds (drill-down) or ends at (roll-up).</param>
    /// <param name="href">The link as CMU sent it, e.g. <c>/cmu/v2/tenant/year</c>.</param>
    /// <param name="dimensions">The dimension path it leads to.</param>
    public UsageReportLink(string name, string href, IReadOnlyList<string> dimensions)
        : this(new Link { Href = href ?? throw new ArgumentNullException(nameof(href)), Name = name ?? throw new ArgumentNullException(nameof(name)) }, dimensions)
    {
    }

    private UsageReportLink(Link link, IReadOnlyList<string> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        Link = link;
        Dimensions = dimensions;
    }

    /// <summary>The link as CMU sent it (the spec's <c>Link</c>).</summary>
    public Link Link { get; }

    /// <summary>The link's name: for a drill-down, the dimension it adds (the last dimension when CMU sent no name).</summary>
    public string Name => Link.Name is { Length: > 0 } name ? name : (Dimensions.Count > 0 ? Dimensions[^1] : "");

    /// <summary>The href as received (a path only: CMU links carry no query string).</summary>
    public string Href => Link.Href;

    /// <summary>The dimension path the link leads to, relative to the CMU base address.</summary>
    public IReadOnlyList<string> Dimensions { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} -> {Href}";

    /// <summary>A received link, its path read relative to <paramref name="basePath"/>.</summary>
    internal static UsageReportLink From(Link link, string basePath) => new(link, UsageReportPaths.FromHref(link.Href, basePath));

    /// <summary>The drill-down links of a report (one object or an array on the wire), skipping any without an href.</summary>
    internal static IReadOnlyList<UsageReportLink> DrillDowns(ReportLinks? links, string basePath) => links?.DrillDown switch
    {
        { LinkList: { } list } => [.. list.Where(l => l?.Href is not null).Select(l => From(l, basePath))],
        { Link: { Href: not null } one } => [From(one, basePath)],
        _ => [],
    };
}
