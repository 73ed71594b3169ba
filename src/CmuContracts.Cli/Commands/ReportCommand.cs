using System.CommandLine;
using CmuContracts.AdobePass;
using CmuContracts.Cli.Configuration;
using CmuContracts.Cli.Output;
using CmuContracts.Cli.Reports;
using CmuContracts.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.Cli.Commands;

/// <summary><c>cmu report</c>: one CMU report as a table (with a bar chart for time series), CSV or JSON, and its chart as an image.</summary>
internal static class ReportCommand
{
    // The spec's metric names (its ReportMetric enum): a metric added to the spec is accepted with no edit here.
    private static readonly string[] Metrics = [.. ReportMetric.KnownValues.Select(m => m.Value)];

    public static Command Create(CommandRunner runner)
    {
        var start = new Option<string?>("--start") { Description = "Start of the window (ISO-8601 or a prefix: 2026, 2026-11, 2026-11-05T13; today, yesterday; 14d = 14 days ago). Default: the server's, per granularity. Adobe keeps 25 months of data." };
        var end = new Option<string?>("--end") { Description = "End of the window, exclusive (same forms). Default: now." };
        var granularity = new Option<string?>("--granularity", "-g")
        {
            Description = "Time buckets: year, month, day, hour or minute. None: no time dimension. CMU refreshes year and month data every 2 days, "
                + "day every 3 hours, hour hourly and minute every minute; minute reports are off by default (Adobe enables them on request).",
        };
        granularity.AcceptOnlyFromAmong("year", "month", "day", "hour", "minute");
        var dimension = new Option<string[]>("--dimension", "-d") { Description = "Group by this dimension (repeatable, in order): tenant, mvpd, platform, channel, application-id, application, …" };
        var include = new Option<string[]>("--include") { Description = "Also group by this dimension outside the path (Adobe's bare ?DIM, 'include this dimension in the projection'); repeatable, e.g. --include mvpd." };
        var filter = new Option<string[]>("--filter", "-f") { Description = "key=value (repeat for IN) or key!=value (NOT IN), e.g. --filter tenant=Acme." };
        var metric = new Option<string[]>("--metric", "-m") { Description = "Only these metrics (repeatable). Default: all of the report's." };
        metric.AcceptOnlyFromAmong(Metrics);
        var limit = IntegerOption.Create("--limit", "At most this many rows, the first in the server's order; marked TRUNCATED when the report stops there. "
            + "Without it the report is complete (one over the server's limit, 1000 rows observed, is fetched in smaller time windows) or the command fails saying how to narrow it.", 1, int.MaxValue);
        var format = new Option<string>("--format") { Description = "table, csv or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var chartFile = new Option<FileInfo?>("--chart") { Description = "Also draw the time series as an image to share: FILE.svg or FILE.png (title, axes with units, one series per dimension value; at most 8)." };
        var chartSize = ChartSize.CreateOption();
        var chartMetric = new Option<string?>("--chart-metric") { Description = "Metric of the charts (terminal and --chart). Default: the first metric column." };
        var noChart = new Option<bool>("--no-chart") { Description = "Table only, no bar chart in the terminal." };
        var progress = new Option<string>("--progress") { Description = "Progress on standard error: auto (on a terminal), always or never.", DefaultValueFactory = _ => "auto" };
        progress.AcceptOnlyFromAmong("auto", "always", "never");

        var command = new Command("report", "Print a CMU usage report: a table (with a bar chart of a time series), CSV or JSON; --chart also draws it as SVG or PNG.")
        {
            start, end, granularity, dimension, include, filter, metric, limit, format, output, chartFile, chartSize, chartMetric, noChart, progress,
        };
        command.SetAction((parse, ct) => runner.WithSessionAsync(parse, () => Prepare(parse, granularity, dimension, include, start, end, filter, metric, limit, chartFile), async (session, notices, query, token) =>
        {
            foreach (var note in ReportNotes.For(query, TimeProvider.System))
            {
                notices.Info(note);
            }

            notices.Detail($"report request {query}");
            var reports = session.Services.GetRequiredService<IUsageReports>();
            var display = new ProgressDisplay(notices, runner.Console.ErrorIsTerminal, parse.GetValue(progress)!);
            var file = parse.GetValue(output);
            var image = parse.GetValue(chartFile);
            var what = $"fetching {query.Path}";
            var writer = new ReportWriter(runner.Console, file);
            ReportData data;
            if (parse.GetValue(format) == "csv" && image is null)
            {
                // Streamed: CMU's CSV goes to the destination window by window as it arrives.
                var (coverage, _) = await display.RunAsync(what, status => writer.StreamAsync(
                    destination => reports.CopyCsvAsync(query, destination, token),
                    bytes => status($"{bytes / 1024.0:0.#} KiB")), copied => $"{copied.Bytes / 1024.0:0.#} KiB of CSV received").ConfigureAwait(false);
                Covered(notices, coverage);
                return Written(notices, file);
            }

            if (parse.GetValue(format) == "csv")
            {
                // Charted too: the CSV is kept to read the chart from the very bytes written, then copied out.
                var (received, coverage) = await display.RunAsync(what, async status =>
                {
                    var csv = new MemoryStream();
                    var counting = new CountingStream(csv, bytes => status($"{bytes / 1024.0:0.#} KiB"));
                    return (csv, await reports.CopyCsvAsync(query, counting, token).ConfigureAwait(false));
                }, r => $"{r.csv.Length / 1024.0:0.#} KiB of CSV received").ConfigureAwait(false);
                using var buffer = received;
                buffer.Position = 0;
                data = CsvReportReader.Read(buffer, query, coverage);
                var picture = Render(ImageChart(data, parse.GetValue(chartMetric), image!), image!, parse.GetValue(chartSize), query, coverage);
                buffer.Position = 0;
                await using (var destination = writer.OpenStream())
                {
                    await buffer.CopyToAsync(destination, token).ConfigureAwait(false);
                }

                Covered(notices, coverage);
                return Drawn(notices, file, image!, picture);
            }

            data = await display.RunAsync(what, _ => ReportReader.ReadAsync(reports, query, token), d => $"{d.Rows.Count} row(s) received").ConfigureAwait(false);
            var column = data.TimeColumns.Count > 0 ? ChartData.MetricColumn(data, parse.GetValue(chartMetric)) : -1; // A bad --chart-metric fails before any output.
            var drawn = image is null ? null : ImageChart(data, parse.GetValue(chartMetric), image);
            var rendered = drawn is null ? null : Render(drawn, image!, parse.GetValue(chartSize), query, data.Coverage);
            if (parse.GetValue(format) == "json")
            {
                await using var destination = writer.OpenStream();
                await ReportJsonWriter.WriteAsync(destination, data, token).ConfigureAwait(false);
            }
            else
            {
                var terminal = parse.GetValue(noChart) || column < 0 ? null : drawn ?? ChartData.From(data, column);
                if (terminal?.Refusal is { } refusal)
                {
                    notices.Info("bar chart left out: " + refusal);
                }

                writer.WriteTable(console => ReportTableRenderer.Write(console, data, terminal));
            }

            return rendered is null ? Written(notices, file) : Drawn(notices, file, image!, rendered);
        }, ct));
        return command;
    }

    /// <summary>The chart for <c>--chart</c>, checked before any output is written.</summary>
    /// <exception cref="CliUsageException">The report cannot be charted honestly (the message says why and what to change).</exception>
    private static ChartData ImageChart(ReportData data, string? chartMetric, FileInfo image)
    {
        var column = ChartData.MetricColumn(data, chartMetric);
        if (column < 0)
        {
            throw new CliUsageException($"--chart {image.Name}: the report has no metric column to draw.");
        }

        var chart = ChartData.From(data, column);
        return chart.Refusal is { } refusal ? throw new CliUsageException($"--chart {image.Name}: not drawn: {refusal}.") : chart;
    }

    private static byte[] Render(ChartData chart, FileInfo image, ChartSize size, UsageReportQuery query, UsageReportCoverage? coverage) =>
        ChartImage.Render(chart, image, size, ChartScope.Describe(query, coverage, TimeProvider.System));

    /// <summary>CSV has no room for it: what the rows cover, and a warning when they stop at --limit, go to standard error.</summary>
    private static void Covered(Notices notices, UsageReportCoverage coverage)
    {
        notices.Info("the CSV " + CoverageText.Describe(coverage));
        if (CoverageText.Truncation(coverage) is { } truncation)
        {
            notices.Info(truncation);
        }
    }

    private static int Drawn(Notices notices, FileInfo? file, FileInfo image, byte[] picture)
    {
        ChartImage.Write(image, picture);
        Written(notices, file);
        notices.Info($"chart written to {image.FullName}");
        return ExitCodes.Ok;
    }

    private static int Written(Notices notices, FileInfo? file)
    {
        if (file is not null)
        {
            notices.Info($"report written to {file.FullName}");
        }

        return ExitCodes.Ok;
    }

    private static UsageReportQuery Prepare(
        ParseResult parse, Option<string?> granularity, Option<string[]> dimension, Option<string[]> include, Option<string?> start, Option<string?> end,
        Option<string[]> filter, Option<string[]> metric, Option<int?> limit, Option<FileInfo?> chartFile)
    {
        var query = ReportPathResolver.Resolve(parse.GetValue(granularity), parse.GetValue(dimension) ?? []);
        var from = TimeArgument.Parse(parse.GetValue(start), "--start", TimeProvider.System);
        var to = TimeArgument.Parse(parse.GetValue(end), "--end", TimeProvider.System);
        if (from is { } f && to is { } t && t < f)
        {
            throw new CliUsageException($"--end {parse.GetValue(end)} is before --start {parse.GetValue(start)}.");
        }

        if (parse.GetValue(chartFile) is { } image)
        {
            if (!ChartImage.IsSupported(image))
            {
                throw new CliUsageException($"--chart '{image.Name}' must end in .svg or .png.");
            }

            if (!query.Dimensions.Any(d => new ReportDimension(d).IsTime))
            {
                throw new CliUsageException("--chart draws a time series: add --granularity (year, month, day, hour or minute).");
            }
        }

        query = FilterParser.Apply(query.WithStart(from).WithEnd(to), parse.GetValue(filter) ?? []);
        query = IncludeParser.Apply(query, parse.GetValue(include) ?? []);
        // --limit asks for at most that many rows: the report is then taken as the server cuts it, marked truncated.
        // Without it the library completes a report over the server's limit in time windows, or fails saying why.
        var rows = parse.GetValue(limit);
        query = query.WithMetrics([.. (parse.GetValue(metric) ?? []).Select(m => new ReportMetric(m))]).WithLimit(rows);
        return rows is null ? query : query.AllowPartial();
    }
}
