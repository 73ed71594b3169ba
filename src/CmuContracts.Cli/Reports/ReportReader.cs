using System.Globalization;
using CmuContracts.AdobePass;
using CmuContracts.Reports;

namespace CmuContracts.Cli.Reports;

/// <summary>
/// Reads a report whole (<see cref="IUsageReports.GetReportAsync"/>) into rows for the table and JSON writers, with
/// what they cover. The whole report, rather than the stream of records, because a report fetched in several time
/// windows then comes back in the server's order on every path (rows grouped by tenant on <c>/tenant/year/…</c>), as
/// one request would have returned it; the table and JSON hold every row anyway.
/// </summary>
internal static class ReportReader
{
    public static async Task<ReportData> ReadAsync(IUsageReports reports, UsageReportQuery query, CancellationToken cancellationToken)
    {
        var report = await reports.GetReportAsync(query, cancellationToken).ConfigureAwait(false);
        // CMU's column order: the path, then bare dimensions (records list their values in the spec's order).
        var columns = new List<string>(query.Dimensions.Concat(query.Filters.Where(f => f.Kind == UsageFilterKind.Projection).Select(f => f.Dimension))
            .Where(d => report.Records.Any(r => r.Dimensions.ContainsKey(d))));
        var known = new HashSet<string>(columns, StringComparer.Ordinal);
        foreach (var record in report.Records)
        {
            foreach (var name in record.Dimensions.Keys.Concat(record.Metrics.Keys))
            {
                if (known.Add(name))
                {
                    columns.Add(name);
                }
            }
        }

        if (columns.Count == 0)
        {
            columns.AddRange(query.Dimensions.Concat(query.Metrics.Select(m => m.Value)));
        }

        var metrics = new HashSet<string>(report.Records.SelectMany(r => r.Metrics.Keys).Concat(query.Metrics.Select(m => m.Value)), StringComparer.Ordinal);
        var rows = report.Records.Select(r => columns.Select(c => r.GetDimension(c) ?? (r.Metrics.TryGetValue(c, out var v) ? v.ToString(CultureInfo.InvariantCulture) : string.Empty)).ToArray()).ToList();
        return new ReportData(query.Path, columns, rows, metrics, report.Coverage);
    }
}
