using System.CommandLine;
using CmuContracts.Cli.Configuration;
using CmuContracts.Cli.Output;
using CmuContracts.Cli.Reports;
using CmuContracts.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.Cli.Commands;

/// <summary><c>cmu report</c>: one CMU report as a table (with a bar chart for time series), CSV or JSON.</summary>
internal static class ReportCommand
{
    private static readonly string[] Metrics =
    [
        "active-users", "active-sessions", "started-sessions", "completed-sessions", "failed-attempts", "dismissed-sessions",
        "killed-sessions", "duration_0-15", "duration_15-30", "duration_30-60", "duration_60-120", "duration_2h-4h",
        "duration_4h-8h", "duration_8h-16h", "duration_16h-1d", "duration_1d-3d", "duration_3d-7d", "duration_1w-1m",
        "duration_over-1m", "users",
    ];

    public static Command Create(CommandRunner runner)
    {
        var start = new Option<string?>("--start") { Description = "Start of the window (ISO-8601 or a prefix: 2026, 2026-11, 2026-11-05T13; today, yesterday; 14d = 14 days ago). Default: the server's, per granularity." };
        var end = new Option<string?>("--end") { Description = "End of the window, exclusive (same forms). Default: now." };
        var granularity = new Option<string?>("--granularity", "-g") { Description = "Time buckets: year, month, day, hour or minute. None: no time dimension." };
        granularity.AcceptOnlyFromAmong("year", "month", "day", "hour", "minute");
        var dimension = new Option<string[]>("--dimension", "-d") { Description = "Group by this dimension (repeatable, in order): tenant, mvpd, platform, channel, application-id, application, …" };
        var filter = new Option<string[]>("--filter", "-f") { Description = "key=value (repeat for IN) or key!=value (NOT IN), e.g. --filter tenant=Acme." };
        var metric = new Option<string[]>("--metric", "-m") { Description = "Only these metrics (repeatable). Default: all of the report's." };
        metric.AcceptOnlyFromAmong(Metrics);
        var limit = IntegerOption.Create("--limit", "At most this many rows (server default 1000).", 1, int.MaxValue);
        var format = new Option<string>("--format") { Description = "table, csv or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var chartMetric = new Option<string?>("--chart-metric") { Description = "Metric of the time-series bar chart (table format). Default: the first metric column." };
        var noChart = new Option<bool>("--no-chart") { Description = "Table only, no bar chart." };
        var progress = new Option<string>("--progress") { Description = "Progress on standard error: auto (on a terminal), always or never.", DefaultValueFactory = _ => "auto" };
        progress.AcceptOnlyFromAmong("auto", "always", "never");

        var command = new Command("report", "Print a CMU usage report: a table (with a bar chart of a time series), CSV or JSON.")
        {
            start, end, granularity, dimension, filter, metric, limit, format, output, chartMetric, noChart, progress,
        };
        command.SetAction((parse, ct) => runner.WithSessionAsync(parse, () => BuildQuery(parse, granularity, dimension, start, end, filter, metric, limit), async (session, notices, query, token) =>
        {
            notices.Detail($"report request {query}");
            var reports = session.Services.GetRequiredService<IUsageReports>();
            var display = new ProgressDisplay(notices, runner.Console.ErrorIsTerminal, parse.GetValue(progress)!);
            var file = parse.GetValue(output);
            var what = $"fetching {query.Path}";
            var writer = new ReportWriter(runner.Console, file);

            if (parse.GetValue(format) == "csv")
            {
                // Streamed: CMU's CSV goes to the destination as it arrives.
                await display.RunAsync(what, async status =>
                {
                    await using var destination = writer.OpenStream();
                    var counting = new CountingStream(destination, bytes => status($"{bytes / 1024.0:0.#} KiB"));
                    await reports.CopyCsvAsync(query, counting, token).ConfigureAwait(false);
                    return counting.Written;
                }, bytes => $"{bytes / 1024.0:0.#} KiB of CSV received").ConfigureAwait(false);
            }
            else
            {
                var data = await display.RunAsync(what, status => ReportReader.ReadAsync(reports, query, status, token), d => $"{d.Rows.Count} row(s) received").ConfigureAwait(false);
                if (parse.GetValue(format) == "json")
                {
                    await using var destination = writer.OpenStream();
                    await ReportJsonWriter.WriteAsync(destination, data, token).ConfigureAwait(false);
                }
                else
                {
                    var chart = !parse.GetValue(noChart);
                    if (chart && data.TimeColumns.Count > 0)
                    {
                        ReportTableRenderer.ChartColumn(data, parse.GetValue(chartMetric)); // A bad --chart-metric fails before any output.
                    }

                    writer.WriteTable(console => ReportTableRenderer.Write(console, data, parse.GetValue(chartMetric), chart));
                }
            }

            if (file is not null)
            {
                notices.Info($"report written to {file.FullName}");
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static UsageReportQuery BuildQuery(
        ParseResult parse, Option<string?> granularity, Option<string[]> dimension, Option<string?> start, Option<string?> end,
        Option<string[]> filter, Option<string[]> metric, Option<int?> limit)
    {
        var query = ReportPathResolver.Resolve(parse.GetValue(granularity), parse.GetValue(dimension) ?? []);
        var from = TimeArgument.Parse(parse.GetValue(start), "--start", TimeProvider.System);
        var to = TimeArgument.Parse(parse.GetValue(end), "--end", TimeProvider.System);
        if (from is { } f && to is { } t && t < f)
        {
            throw new CliUsageException($"--end {parse.GetValue(end)} is before --start {parse.GetValue(start)}.");
        }

        query = FilterParser.Apply(query.WithStart(from).WithEnd(to), parse.GetValue(filter) ?? []);
        return query.WithMetrics([.. (parse.GetValue(metric) ?? []).Select(m => new UsageMetric(m))]).WithLimit(parse.GetValue(limit));
    }
}
