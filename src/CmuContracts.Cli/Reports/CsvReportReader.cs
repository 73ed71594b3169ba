using System.Globalization;
using CmuContracts.AdobePass;
using CmuContracts.Reports;
using Microsoft.VisualBasic.FileIO;

namespace CmuContracts.Cli.Reports;

/// <summary>
/// Reads CMU's CSV (a header row, then one row per record) back into rows, so <c>--format csv --chart</c> charts
/// exactly the CSV it wrote. A column is a metric when it is not a CMU dimension and every value
/// is an integer, the rule the library applies to JSON records.
/// </summary>
internal static class CsvReportReader
{
    private static readonly HashSet<string> Dimensions = [.. ReportDimension.KnownValues.Select(d => d.Value)];

    public static ReportData Read(Stream csv, UsageReportQuery query, UsageReportCoverage? coverage)
    {
        // The parser closes its reader: the reader leaves the caller's stream open (it is copied out next).
        using var parser = new TextFieldParser(new StreamReader(csv, leaveOpen: true)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var columns = parser.EndOfData ? [] : parser.ReadFields() ?? [];
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            if (parser.ReadFields() is { Length: > 0 } fields)
            {
                rows.Add([.. Enumerable.Range(0, columns.Length).Select(i => i < fields.Length ? fields[i] : string.Empty)]);
            }
        }

        var metrics = new HashSet<string>(query.Metrics.Select(m => m.Value), StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            if (!Dimensions.Contains(columns[i]) && rows.All(r => long.TryParse(r[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
            {
                metrics.Add(columns[i]);
            }
        }

        return new ReportData(query.Path, columns, rows, metrics, coverage);
    }
}
