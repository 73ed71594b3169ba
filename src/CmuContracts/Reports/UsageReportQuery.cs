using System.Globalization;
using CmuContracts.AdobePass;

namespace CmuContracts.Reports;

/// <summary>
/// An immutable CMU report query: the ordered dimensions (the path, e.g. <c>tenant/year/month</c>,
/// whose finest time dimension is the granularity), the time range, dimension filters (IN, NOT IN,
/// a bare dimension), metrics and a row limit. Every <c>With…</c>/<c>Where…</c> method returns a new
/// query. The path is checked against the spec's drill-down tree as it is built.
/// </summary>
/// <example><code>
/// var query = UsageReportQuery.For("tenant", "year", "month", "day")
///     .Between(start, end)
///     .WhereNot("platform", "Roku")
///     .WithMetrics(ReportMetric.ActiveUsers);
/// </code></example>
public sealed class UsageReportQuery
{
    private UsageReportQuery(string[] dimensions, DateTimeOffset? start, DateTimeOffset? end, UsageFilter[] filters, ReportMetric[] metrics, int? limit, bool allowsPartial)
    {
        AllowsPartial = allowsPartial;
        Dimensions = dimensions;
        Start = start;
        End = end;
        Filters = filters;
        Metrics = metrics;
        Limit = limit;
    }

    /// <summary>The root report (<c>/</c>): overall totals, drill-downs to the root dimensions.</summary>
    public static UsageReportQuery Root { get; } = new([], null, null, [], [], null, false);

    /// <summary>The dimensions in path order; empty for the root.</summary>
    public IReadOnlyList<string> Dimensions { get; }

    /// <summary>The path, e.g. <c>/tenant/year/month</c> (<c>/</c> for the root).</summary>
    public string Path => UsageReportPaths.Format(Dimensions);

    /// <summary>
    /// Whether the spec lists <see cref="Path"/>. A path it does not list (from <see cref="ForServerPath"/> or a link the
    /// server advertised) is sent as a plain request to the same pipeline, and the library logs a hint that the spec
    /// may be behind the server.
    /// </summary>
    public bool IsInSpec => UsageReportTree.IsPath(Path);

    /// <summary>The dimensions the spec's tree allows after <see cref="Dimensions"/>; empty at a leaf.</summary>
    public IReadOnlyList<string> NextDimensions => UsageReportTree.NextDimensions(Path);

    /// <summary>Start of the range (inclusive), sent as UTC ISO-8601; null lets CMU pick its default for the granularity.</summary>
    public DateTimeOffset? Start { get; }

    /// <summary>End of the range, sent as UTC ISO-8601; null means now.</summary>
    public DateTimeOffset? End { get; }

    /// <summary>The dimension filters, in the order they were added.</summary>
    public IReadOnlyList<UsageFilter> Filters { get; }

    /// <summary>The metrics asked for; empty means every metric of the path.</summary>
    public IReadOnlyList<ReportMetric> Metrics { get; }

    /// <summary>
    /// The default row limit observed in Adobe's published CMU answers (<c>limit=1000</c> in their <c>self</c> links)
    /// [O]: not documented as a value. The library sends it explicitly for CSV, which has no links to report the limit.
    /// </summary>
    public const int ObservedDefaultLimit = 1000;

    /// <summary>
    /// The most rows CMU returns for one request (CMU has no paging); null lets CMU apply its default
    /// (<see cref="ObservedDefaultLimit"/> observed). A report with more rows is fetched again in smaller time windows
    /// and arrives whole (see <see cref="IUsageReports.GetReportAsync"/>), unless <see cref="AllowsPartial"/>: then the
    /// report stops at this many rows.
    /// </summary>
    public int? Limit { get; }

    /// <summary>
    /// Whether a report cut at <see cref="Limit"/> is acceptable (<see cref="AllowPartial"/>): sent once, never split,
    /// never a <see cref="UsageReportLimitException"/>, and marked truncated when it reaches the limit.
    /// </summary>
    public bool AllowsPartial { get; }

    /// <summary>A query for a dimension path, e.g. <c>For("tenant", "year", "month")</c>.</summary>
    /// <param name="dimensions">The dimensions in path order; none for the root.</param>
    /// <exception cref="UsageReportPathException">The path is not in the spec's drill-down tree; the message lists the valid next dimensions where it left the tree.</exception>
    public static UsageReportQuery For(params string[] dimensions) => Root.WithDimensions(dimensions);

    /// <summary>A query for a path such as <c>/tenant/year/month</c> or <c>tenant/year/month</c> (<c>/</c> for the root).</summary>
    /// <param name="path">The dimension path.</param>
    /// <exception cref="UsageReportPathException">The path is not in the spec's drill-down tree.</exception>
    public static UsageReportQuery Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Root.WithDimensions(path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>
    /// A query for any path the server serves, e.g. <c>/year/month/day/tenant/occurrences</c>, which a CMU answer
    /// advertised [O] but the spec does not list. Nothing is checked against the spec's tree: CMU answers 404 for a
    /// path it does not serve [D].
    /// </summary>
    /// <param name="path">The dimension path, with or without its leading <c>/</c>.</param>
    /// <exception cref="ArgumentException">A segment is not a plain name (letters, digits, <c>-</c>, <c>_</c>).</exception>
    public static UsageReportQuery ForServerPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Root.WithServerDimensions(path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), nameof(path));
    }

    /// <summary>The same query for a path the server advertised (a link), which the spec need not list.</summary>
    internal UsageReportQuery WithServerDimensions(IReadOnlyList<string> dimensions, string paramName)
    {
        UsageReportTree.ValidateSegments(dimensions, paramName);
        return new([.. dimensions], Start, End, [.. Filters], [.. Metrics], Limit, AllowsPartial);
    }

    /// <summary>The same query for another dimension path.</summary>
    /// <param name="dimensions">The dimensions in path order.</param>
    /// <exception cref="UsageReportPathException">The path is not in the spec's drill-down tree.</exception>
    public UsageReportQuery WithDimensions(IEnumerable<string> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var path = dimensions.ToArray();
        UsageReportTree.Validate(path, nameof(dimensions));
        return new(path, Start, End, [.. Filters], [.. Metrics], Limit, AllowsPartial);
    }

    /// <summary>The same query one dimension deeper.</summary>
    /// <param name="dimension">The next dimension, one of <see cref="NextDimensions"/>.</param>
    /// <exception cref="UsageReportPathException">It is not one of <see cref="NextDimensions"/>.</exception>
    public UsageReportQuery Then(string dimension)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        return WithDimensions([.. Dimensions, dimension]);
    }

    /// <summary>The same query for the time range [<paramref name="start"/>, <paramref name="end"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public UsageReportQuery Between(DateTimeOffset start, DateTimeOffset end)
    {
        if (end < start)
        {
            throw new ArgumentException($"The report's end ({Iso(end)}) is before its start ({Iso(start)}).", nameof(end));
        }

        return new([.. Dimensions], start, end, [.. Filters], [.. Metrics], Limit, AllowsPartial);
    }

    /// <summary>The same query with another start (null: CMU's default).</summary>
    /// <exception cref="ArgumentException">The start is after <see cref="End"/>.</exception>
    public UsageReportQuery WithStart(DateTimeOffset? start) => start is { } s && End is { } e && e < s
        ? throw new ArgumentException($"The report's start ({Iso(s)}) is after its end ({Iso(e)}).", nameof(start))
        : new([.. Dimensions], start, End, [.. Filters], [.. Metrics], Limit, AllowsPartial);

    /// <summary>The same query with another end (null: now).</summary>
    /// <exception cref="ArgumentException">The end is before <see cref="Start"/>.</exception>
    public UsageReportQuery WithEnd(DateTimeOffset? end) => end is { } e && Start is { } s && e < s
        ? throw new ArgumentException($"The report's end ({Iso(e)}) is before its start ({Iso(s)}).", nameof(end))
        : new([.. Dimensions], Start, end, [.. Filters], [.. Metrics], Limit, AllowsPartial);

    /// <summary>Keeps records whose <paramref name="dimension"/> is one of <paramref name="values"/> (IN; repeated calls add values).</summary>
    /// <exception cref="ArgumentException">No value, an empty value, an unknown or a time dimension, or the dimension is already bare.</exception>
    public UsageReportQuery Where(string dimension, params string[] values) => WithFilter(dimension, UsageFilterKind.In, values);

    /// <summary>Drops records whose <paramref name="dimension"/> is one of <paramref name="values"/> (NOT IN, sent as <c>dimension!=value</c>).</summary>
    /// <exception cref="ArgumentException">No value, an empty value, an unknown or a time dimension.</exception>
    public UsageReportQuery WhereNot(string dimension, params string[] values) => WithFilter(dimension, UsageFilterKind.NotIn, values);

    /// <summary>Forces <paramref name="dimension"/> into the projection although it is not in the path (a bare <c>?dimension</c>).</summary>
    /// <exception cref="ArgumentException">An unknown or a time dimension, or one already filtered with IN.</exception>
    public UsageReportQuery IncludeDimension(string dimension) => WithFilter(dimension, UsageFilterKind.Projection, []);

    /// <summary>The same query asking only for <paramref name="metrics"/> (none: every metric of the path).</summary>
    public UsageReportQuery WithMetrics(params ReportMetric[] metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        if (metrics.Any(m => m.Value.Length == 0))
        {
            throw new ArgumentException("A metric has no name (default(ReportMetric)).", nameof(metrics));
        }

        return new([.. Dimensions], Start, End, [.. Filters], [.. metrics.Distinct()], Limit, AllowsPartial);
    }

    /// <summary>The same query with another row limit (null: CMU's default).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is not positive.</exception>
    public UsageReportQuery WithLimit(int? limit)
    {
        if (limit is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "A report limit is a positive number of rows.");
        }

        return new([.. Dimensions], Start, End, [.. Filters], [.. Metrics], limit, AllowsPartial);
    }

    /// <summary>
    /// The same query accepting a partial report: it is sent once and its answer taken as the server cuts it, at most
    /// <see cref="Limit"/> rows (the first rows in the server's order), marked by <see cref="UsageReport.IsTruncated"/>
    /// (<see cref="UsageReportCoverage.IsTruncated"/> for the streaming calls) when it reaches the limit. Records and
    /// CSV then stream as they arrive. Without it (the default) a report reaching the limit is fetched whole in
    /// smaller time windows, or fails with <see cref="UsageReportLimitException"/>.
    /// </summary>
    /// <param name="allow">False restores the default.</param>
    public UsageReportQuery AllowPartial(bool allow = true) => new([.. Dimensions], Start, End, [.. Filters], [.. Metrics], Limit, allow);

    /// <summary>The request this query sends, relative to the CMU base address: path and query string.</summary>
    public override string ToString() => Path + UsageReportRequestRenderer.QueryString(this);

    private UsageReportQuery WithFilter(string dimension, UsageFilterKind kind, string[] values)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        ArgumentNullException.ThrowIfNull(values);
        if (!UsageReportTree.IsDimension(dimension))
        {
            throw new ArgumentException($"'{dimension}' is not a CMU dimension; filterable dimensions: {string.Join(", ", UsageReportTree.FilterableDimensions)}.", nameof(dimension));
        }

        if (new ReportDimension(dimension).IsTime)
        {
            throw new ArgumentException($"CMU filters do not apply to the time dimension '{dimension}': use Between, WithStart or WithEnd.", nameof(dimension));
        }

        if (kind != UsageFilterKind.Projection && values.Length == 0)
        {
            throw new ArgumentException($"A filter on '{dimension}' needs at least one value (IncludeDimension adds a bare dimension).", nameof(values));
        }

        if (values.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"A filter on '{dimension}' has a null or empty value.", nameof(values));
        }

        // One wire key per (dimension, IN or NOT IN): repeated calls add values; a bare key and an IN key would collide.
        var filters = new List<UsageFilter>(Filters);
        var clash = kind == UsageFilterKind.NotIn ? null : filters.Find(f => f.Dimension == dimension && f.Kind != UsageFilterKind.NotIn && f.Kind != kind);
        if (clash is not null)
        {
            throw new ArgumentException($"'{dimension}' cannot be both a bare dimension and an IN filter: an IN filter already keeps it in the answer.", nameof(dimension));
        }

        var index = filters.FindIndex(f => f.Dimension == dimension && f.Kind == kind);
        if (index < 0)
        {
            filters.Add(new UsageFilter(dimension, kind, [.. values.Distinct(StringComparer.Ordinal)]));
        }
        else if (kind != UsageFilterKind.Projection)
        {
            filters[index] = new UsageFilter(dimension, kind, [.. filters[index].Values.Concat(values).Distinct(StringComparer.Ordinal)]);
        }

        return new([.. Dimensions], Start, End, [.. filters], [.. Metrics], Limit, AllowsPartial);
    }

    private static string Iso(DateTimeOffset time) => time.ToString("o", CultureInfo.InvariantCulture);
}
