using Spectre.Console;

namespace CmuContracts.Cli.Reports;

/// <summary>
/// A report as a terminal table; a time series (a path with time dimensions) also gets a bar chart of one metric,
/// one bar per time bucket and dimension value (<see cref="ChartData"/>: never a sum over dimension values). Under the
/// table, what the rows cover (path, window and limit the server applied, windows fetched) and, for a report cut at
/// <c>--limit</c>, a warning that it is truncated, so a table that is copied on says what it holds.
/// </summary>
internal static class ReportTableRenderer
{
    private const int MaxBars = 60;

    private static readonly Color[] Palette = [Color.SteelBlue, Color.DarkOrange, Color.Green, Color.Red, Color.MediumPurple, Color.RosyBrown, Color.HotPink, Color.Grey];

    /// <param name="chart">The chart under the table, or null for none.</param>
    public static void Write(IAnsiConsole console, ReportData data, ChartData? chart)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"CMU report {Markup.Escape(data.Path)}").Caption($"{data.Rows.Count} row(s){(data.Coverage?.IsTruncated == true ? ", TRUNCATED" : string.Empty)}");
        for (var i = 0; i < data.Columns.Count; i++)
        {
            var column = new TableColumn(Markup.Escape(data.Columns[i]));
            table.AddColumn(data.IsMetric(i) ? column.RightAligned() : column);
        }

        foreach (var row in data.Rows)
        {
            table.AddRow(row.Select(cell => new Text(cell)).ToArray<Spectre.Console.Rendering.IRenderable>());
        }

        console.Write(table);
        if (data.Coverage is { } coverage)
        {
            console.WriteLine("This report " + CoverageText.Describe(coverage));
        }

        if (CoverageText.Truncation(data.Coverage) is { } truncation)
        {
            console.WriteLine(truncation);
        }

        if (chart is { Refusal: null, Buckets.Count: > 0 })
        {
            WriteChart(console, chart);
        }
    }

    private static void WriteChart(IAnsiConsole console, ChartData chart)
    {
        // One bar per bucket and series, newest buckets kept when they do not all fit.
        var series = chart.Series.Count;
        var buckets = Math.Max(1, Math.Min(chart.Buckets.Count, MaxBars / series));
        var first = chart.Buckets.Count - buckets;
        var label = chart.Subject + (chart.DistinctCountNote is null ? string.Empty : " (a distinct count: bars are not summed)");
        var width = chart.Series.Max(s => s.Name.Length);

        if (first > 0)
        {
            label += $" (last {buckets} of {chart.Buckets.Count} {chart.Grouping}s)";
        }

        var bars = new BarChart().Width(Math.Min(100, console.Profile.Width)).Label(Markup.Escape(label));
        for (var b = first; b < chart.Buckets.Count; b++)
        {
            for (var s = 0; s < series; s++)
            {
                if (chart.Series[s].Values[b] is { } value)
                {
                    var name = series > 1 ? $"{chart.Buckets[b].Label} {chart.Series[s].Name.PadRight(width)}" : chart.Buckets[b].Label;
                    bars.AddItem(Markup.Escape(name), value, Palette[s % Palette.Length]);
                }
            }
        }

        console.WriteLine();
        console.Write(bars);
    }
}
