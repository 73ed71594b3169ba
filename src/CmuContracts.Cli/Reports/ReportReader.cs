using CmuContracts.Reports;

namespace CmuContracts.Cli.Reports;

/// <summary>Reads a report's records as they arrive (<see cref="IUsageReports.GetRecordsAsync"/>) into rows for the table and JSON writers.</summary>
internal static class ReportReader
{
    private const int ReportEvery = 500;

    public static async Task<ReportData> ReadAsync(IUsageReports reports, UsageReportQuery query, Action<string> progress, CancellationToken cancellationToken)
    {
        var columns = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var records = new List<UsageRecord>();
        await foreach (var record in reports.GetRecordsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            foreach (var name in record.Dimensions.Keys.Concat(record.Metrics.Keys))
            {
                if (known.Add(name))
                {
                    columns.Add(name);
                }
            }

            records.Add(record);
            if (records.Count % ReportEvery == 0)
            {
                progress($"{records.Count} rows");
            }
        }

        if (columns.Count == 0)
        {
            columns.AddRange(query.Dimensions.Concat(query.Metrics.Select(m => m.Name)));
        }

        var metrics = new HashSet<string>(records.SelectMany(r => r.Metrics.Keys).Concat(query.Metrics.Select(m => m.Name)), StringComparer.Ordinal);
        var rows = records.Select(r => columns.Select(c => r.GetDimension(c) ?? (r.Metrics.TryGetValue(c, out var v) ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)).ToArray()).ToList();
        return new ReportData(query.Path, columns, rows, metrics);
    }
}
