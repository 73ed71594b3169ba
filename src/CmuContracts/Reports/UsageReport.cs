using System.Diagnostics.CodeAnalysis;
using CmuContracts.Reports;

namespace CmuContracts.AdobePass;

/// <summary>
/// A CMU report: the spec's <c>UsageReport</c> (its HAL <see cref="Links"/> and its records, <see cref="Report"/>),
/// extended with what <see cref="IUsageReports"/> knows of it: the <see cref="Query"/> it answers, what the records
/// cover (<see cref="Coverage"/>), and navigation: <see cref="DrillDownAsync"/> and <see cref="RollUpAsync"/> follow
/// the links with the same time range, filters, metrics and limit. Distinct counts
/// (<see cref="ReportMetric.IsAdditive"/> false, e.g. <c>active-users</c>) must not be summed across records.
/// </summary>
public sealed partial class UsageReport
{
    /// <summary>The base path Adobe's link hrefs start with [D], for a report read without <see cref="IUsageReports"/>.</summary>
    private const string DocumentedBasePath = "/cmu/v2";

    private readonly IUsageReports? _reports;
    private readonly UsageReportLink? _rollUp;
    private readonly IReadOnlyList<UsageReportLink>? _drillDowns;

    /// <summary>Creates a report (for tests and mocks; <see cref="IUsageReports"/> builds them from CMU's answer).</summary>
    /// <param name="query">The query answered.</param>
    /// <param name="records">The records.</param>
    /// <param name="selfLink">The <c>self</c> href (path and every parameter the server applied, defaults included), if any.</param>
    /// <param name="rollUp">The <c>roll-up</c> link, null at the root.</param>
    /// <param name="drillDowns">The <c>drill-down</c> links, empty at a leaf.</param>
    /// <param name="reports">Where the links are followed.</param>
    /// <param name="coverage">What the records cover, if known.</param>
    [SetsRequiredMembers]
    public UsageReport(UsageReportQuery query, IReadOnlyList<UsageRecord> records, string? selfLink, UsageReportLink? rollUp, IReadOnlyList<UsageReportLink> drillDowns, IUsageReports reports, UsageReportCoverage? coverage = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(drillDowns);
        ArgumentNullException.ThrowIfNull(reports);
        Links = new ReportLinks
        {
            Self = new Link { Href = selfLink ?? "" },
            RollUp = rollUp?.Link,
            DrillDown = drillDowns.Count == 0 ? null : new ReportLinksDrillDown { LinkList = [.. drillDowns.Select(l => l.Link)] },
        };
        Report = records;
        Query = query;
        Coverage = coverage;
        _rollUp = rollUp;
        _drillDowns = drillDowns;
        _reports = reports;
    }

    /// <summary>The query this report answers; null for a report read through the generated client directly.</summary>
    public UsageReportQuery? Query { get; }

    /// <summary>
    /// The records (<see cref="Report"/>), in the server's order; all of them, also when the report had to be fetched in
    /// several time windows (merged back into the order of one request), unless <see cref="IsTruncated"/>.
    /// </summary>
    public IReadOnlyList<UsageRecord> Records => Report ?? [];

    /// <summary>
    /// The <c>self</c> href of the first answer: the path with the complete query string the server applied
    /// (default start, end, limit, implicit filters).
    /// </summary>
    public string? SelfLink => Links?.Self?.Href is { Length: > 0 } href ? href : null;

    /// <summary>
    /// What the records cover: the path, window and row limit the server applied (from <see cref="SelfLink"/>), whether
    /// they were cut at the limit, and how many time windows were fetched. Null for a report built without one.
    /// </summary>
    public UsageReportCoverage? Coverage { get; }

    /// <summary>
    /// True when the records stop at the server's row limit: only for a query with
    /// <see cref="UsageReportQuery.AllowPartial"/> (without it such a report is completed or throws
    /// <see cref="UsageReportLimitException"/>).
    /// </summary>
    public bool IsTruncated => Coverage?.IsTruncated == true;

    /// <summary>The <c>roll-up</c> link; null at the root.</summary>
    public UsageReportLink? RollUp => _drillDowns is null ? Links?.RollUp is { } up ? UsageReportLink.From(up, DocumentedBasePath) : null : _rollUp;

    /// <summary>The <c>drill-down</c> links; empty at a leaf.</summary>
    public IReadOnlyList<UsageReportLink> DrillDowns => _drillDowns ?? UsageReportLink.DrillDowns(Links, DocumentedBasePath);

    /// <summary>The dimensions this report can drill down by (the drill-down links' names).</summary>
    public IReadOnlyList<string> DrillDownDimensions => [.. DrillDowns.Select(l => l.Name)];

    /// <summary>
    /// Follows the drill-down link named <paramref name="dimension"/>: the same query one dimension
    /// deeper, at the path the link gives, also one the spec does not list (see <see cref="UsageReportQuery.IsInSpec"/>).
    /// </summary>
    /// <param name="dimension">The dimension to add, e.g. <c>mvpd</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The finer report.</returns>
    /// <exception cref="UsageReportPathException">This report has no drill-down by that dimension (the message lists those it has).</exception>
    /// <exception cref="InvalidOperationException">This report was not read through <see cref="IUsageReports"/>.</exception>
    public Task<UsageReport> DrillDownAsync(string dimension, CancellationToken cancellationToken = default) =>
        Navigator.GetReportAsync(DrillDownQuery(dimension), cancellationToken);

    /// <summary>Follows the roll-up link: the same query one dimension coarser.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The coarser report.</returns>
    /// <exception cref="InvalidOperationException">This report has no roll-up link (it is the root), or was not read through <see cref="IUsageReports"/>.</exception>
    public Task<UsageReport> RollUpAsync(CancellationToken cancellationToken = default) =>
        Navigator.GetReportAsync(RollUpQuery(), cancellationToken);

    /// <summary>The query <see cref="DrillDownAsync"/> sends, without sending it.</summary>
    /// <param name="dimension">The dimension to add.</param>
    /// <exception cref="UsageReportPathException">This report has no drill-down by that dimension.</exception>
    /// <exception cref="InvalidOperationException">This report was not read through <see cref="IUsageReports"/>.</exception>
    public UsageReportQuery DrillDownQuery(string dimension)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dimension);
        var query = Answered;
        foreach (var link in DrillDowns)
        {
            if (string.Equals(link.Name, dimension, StringComparison.Ordinal))
            {
                return query.WithServerDimensions(link.Dimensions, nameof(dimension));
            }
        }

        throw new UsageReportPathException(
            UsageReportPaths.Format([.. query.Dimensions, dimension]),
            query.Path,
            dimension,
            DrillDownDimensions,
            nameof(dimension));
    }

    /// <summary>The query <see cref="RollUpAsync"/> sends, without sending it.</summary>
    /// <exception cref="InvalidOperationException">This report has no roll-up link, or was not read through <see cref="IUsageReports"/>.</exception>
    public UsageReportQuery RollUpQuery() => RollUp is { } link
        ? Answered.WithServerDimensions(link.Dimensions, "rollUp")
        : throw new InvalidOperationException($"The report '{Answered.Path}' has no roll-up link: it is the root of the drill-down tree.");

    /// <inheritdoc/>
    public override string ToString() => $"{Query?.Path ?? SelfLink}: {Records.Count} record(s){(IsTruncated ? ", truncated at the limit" : "")}";

    private UsageReportQuery Answered => Query ?? throw NotNavigable();

    private IUsageReports Navigator => _reports ?? throw NotNavigable();

    private static InvalidOperationException NotNavigable() =>
        new("This report was read through the generated client, not IUsageReports, so it has no query to follow its links with: use IUsageReports.GetReportAsync, or follow Links yourself.");
}
