using System.Globalization;
using Spectre.Console;

namespace CmuContracts.Cli.Reports;

/// <summary>
/// A report as a terminal table; a time series (a path with time dimensions) also gets a bar chart of one metric,
/// summed per time bucket over the other dimensions.
/// </summary>
internal static class ReportTableRenderer
{
    private const int MaxBars = 60;

    public static void Write(IAnsiConsole console, ReportData data, string? chartMetric, bool chart)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"CMU report {Markup.Escape(data.Path)}").Caption($"{data.Rows.Count} row(s)");
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
        if (chart && data.TimeColumns.Count > 0 && data.Rows.Count > 0)
        {
            WriteChart(console, data, chartMetric);
        }
    }

    /// <exception cref="CliUsageException">The chosen metric is not a column of the report.</exception>
    public static int ChartColumn(ReportData data, string? chartMetric)
    {
        if (chartMetric is null)
        {
            var first = Enumerable.Range(0, data.Columns.Count).FirstOrDefault(data.IsMetric, -1);
            return first;
        }

        var index = Enumerable.Range(0, data.Columns.Count).FirstOrDefault(i => data.Columns[i] == chartMetric, -1);
        return index >= 0 && data.IsMetric(index)
            ? index
            : throw new CliUsageException($"--chart-metric {chartMetric} is not a metric of this report (metrics: {string.Join(", ", Enumerable.Range(0, data.Columns.Count).Where(data.IsMetric).Select(i => data.Columns[i]))}).");
    }

    private static void WriteChart(IAnsiConsole console, ReportData data, string? chartMetric)
    {
        var metric = ChartColumn(data, chartMetric);
        if (metric < 0)
        {
            return;
        }

        var time = data.TimeColumns;
        var buckets = new List<(string Label, double Value)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in data.Rows)
        {
            var label = Label(time.Select(i => (data.Columns[i], row[i])));
            var value = double.TryParse(row[metric], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;
            if (index.TryGetValue(label, out var at))
            {
                buckets[at] = (label, buckets[at].Value + value);
            }
            else
            {
                index[label] = buckets.Count;
                buckets.Add((label, value));
            }
        }

        var shown = buckets.Count > MaxBars ? buckets.GetRange(buckets.Count - MaxBars, MaxBars) : buckets;
        var grouping = data.Columns[time[^1]];
        var chart = new BarChart()
            .Width(Math.Min(100, console.Profile.Width))
            .Label($"{data.Columns[metric]} per {grouping}" + (shown.Count < buckets.Count ? $" (last {shown.Count} of {buckets.Count})" : string.Empty));
        foreach (var (label, value) in shown)
        {
            chart.AddItem(label, value, Color.SteelBlue);
        }

        console.WriteLine();
        console.Write(chart);
    }

    // 2026-11-05, 2026-11-05 13:00, 2026-11 … from the time cells present.
    private static string Label(IEnumerable<(string Dimension, string Value)> cells)
    {
        var parts = cells.ToDictionary(c => c.Dimension, c => c.Value, StringComparer.Ordinal);
        static string Two(string v) => v.Length == 1 ? "0" + v : v;
        var label = parts.GetValueOrDefault("year", "");
        if (parts.TryGetValue("month", out var month))
        {
            label += "-" + Two(month);
        }

        if (parts.TryGetValue("day", out var day))
        {
            label += "-" + Two(day);
        }

        if (parts.TryGetValue("hour", out var hour))
        {
            label += " " + Two(hour) + ":" + Two(parts.GetValueOrDefault("minute", "0"));
        }

        return label;
    }
}
