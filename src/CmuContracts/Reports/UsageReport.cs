namespace CmuContracts.Reports;

/// <summary>
/// A CMU report: the records of one <see cref="UsageReportQuery"/>, what they cover (<see cref="Coverage"/>) and
/// its HAL links, which <see cref="DrillDownAsync"/> and <see cref="RollUpAsync"/> follow with the same time range,
/// filters, metrics and limit. Distinct counts (<see cref="UsageMetric.IsAdditive"/> false, e.g.
/// <c>active-users</c>) must not be summed across records.
/// </summary>
public sealed class UsageReport
{
    private readonly IUsageReports _reports;

    /// <summary>Creates a report (for tests and mocks; <see cref="IUsageReports"/> builds them from CMU's answer).</summary>
    /// <param name="query">The query answered.</param>
    /// <param name="records">The records.</param>
    /// <param name="selfLink">The <c>self</c> href (path and every parameter the server applied, defaults included), if any.</param>
    /// <param name="rollUp">The <c>roll-up</c> link, null at the root.</param>
    /// <param name="drillDowns">The <c>drill-down</c> links, empty at a leaf.</param>
    /// <param name="reports">Where the links are followed.</param>
    /// <param name="coverage">What the records cover, if known.</param>
    public UsageReport(UsageReportQuery query, IReadOnlyList<UsageRecord> records, string? selfLink, UsageReportLink? rollUp, IReadOnlyList<UsageReportLink> drillDowns, IUsageReports reports, UsageReportCoverage? coverage = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(drillDowns);
        ArgumentNullException.ThrowIfNull(reports);
        Query = query;
        Records = records;
        SelfLink = selfLink;
        RollUp = rollUp;
        DrillDowns = drillDowns;
        _reports = reports;
        Coverage = coverage;
    }

    /// <summary>The query this report answers.</summary>
    public UsageReportQuery Query { get; }

    /// <summary>
    /// The records, in the server's order; all of them, also when the report had to be fetched in several time
    /// windows (merged back into the order of one request), unless <see cref="IsTruncated"/>.
    /// </summary>
    public IReadOnlyList<UsageRecord> Records { get; }

    /// <summary>
    /// The <c>self</c> href of the first answer: the path with the complete query string the server applied
    /// (default start, end, limit, implicit filters).
    /// </summary>
    public string? SelfLink { get; }

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
    public UsageReportLink? RollUp { get; }

    /// <summary>The <c>drill-down</c> links; empty at a leaf.</summary>
    public IReadOnlyList<UsageReportLink> DrillDowns { get; }

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
    public Task<UsageReport> DrillDownAsync(string dimension, CancellationToken cancellationToken = default) =>
        _reports.GetReportAsync(DrillDownQuery(dimension), cancellationToken);

    /// <summary>Follows the roll-up link: the same query one dimension coarser.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The coarser report.</returns>
    /// <exception cref="InvalidOperationException">This report has no roll-up link (it is the root).</exception>
    public Task<UsageReport> RollUpAsync(CancellationToken cancellationToken = default) =>
        _reports.GetReportAsync(RollUpQuery(), cancellationToken);

    /// <summary>The query <see cref="DrillDownAsync"/> sends, without sending it.</summary>
    /// <param name="dimension">The dimension to add.</param>
    /// <exception cref="UsageReportPathException">This report has no drill-down by that dimension.</exception>
    public UsageReportQuery DrillDownQuery(string dimension)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dimension);
        foreach (var link in DrillDowns)
        {
            if (string.Equals(link.Name, dimension, StringComparison.Ordinal))
            {
                return Query.WithServerDimensions(link.Dimensions, nameof(dimension));
            }
        }

        throw new UsageReportPathException(
            UsageReportPaths.Format([.. Query.Dimensions, dimension]),
            Query.Path,
            dimension,
            DrillDownDimensions,
            nameof(dimension));
    }

    /// <summary>The query <see cref="RollUpAsync"/> sends, without sending it.</summary>
    /// <exception cref="InvalidOperationException">This report has no roll-up link.</exception>
    public UsageReportQuery RollUpQuery() => RollUp is { } link
        ? Query.WithServerDimensions(link.Dimensions, "rollUp")
        : throw new InvalidOperationException($"The report '{Query.Path}' has no roll-up link: it is the root of the drill-down tree.");

    /// <inheritdoc/>
    public override string ToString() => $"{Query.Path}: {Records.Count} record(s){(IsTruncated ? ", truncated at the limit" : "")}";
}
