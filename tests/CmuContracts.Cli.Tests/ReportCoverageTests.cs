using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CmuContracts.Cli.Tests;

/// <summary>
/// <c>cmu report</c> against the embedded emulator (default limit 1000 rows): a report over the limit arrives whole,
/// every output format says what its numbers cover, and <c>--limit</c> gives at most that many rows, marked truncated.
/// </summary>
public sealed partial class ReportCoverageTests
{
    // A finished month inside the emulator's retention whatever today is: 28 to 31 days x 60 (tenant, mvpd, platform)
    // combinations is more than the 1000 rows of one answer.
    private static readonly DateTime Month = new DateTime(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-2);
    private static readonly string[] LargeReport =
        ["report", "--emulator", "--granularity", "day", "--dimension", "tenant", "--dimension", "mvpd", "--dimension", "platform", "--start", Day(Month), "--end", Day(Month.AddMonths(1))];

    private static readonly string Coverage = $"covers /year/month/day/tenant/mvpd/platform from {Day(Month)} to {Day(Month.AddMonths(1))} (end exclusive, UTC); limit 1000 rows per request";

    // A finished week: 7 days x 3 tenants.
    private static readonly string WeekStart = Day(DateTime.UtcNow.Date.AddDays(-10));
    private static readonly string WeekEnd = Day(DateTime.UtcNow.Date.AddDays(-3));

    [Fact]
    public async Task AReportOverTheServersLimitArrivesWholeAndEqualsItsWeeksFetchedOneByOne()
    {
        var whole = await CliRun.RunAsync([.. LargeReport, "--format", "csv"]);

        Assert.True(whole.ExitCode == 0, whole.ToString());
        var lines = Lines(whole.Out);
        Assert.True(lines.Length - 1 > 1000, $"{lines.Length - 1} rows: the report should exceed one answer's limit");
        Assert.True(Windows(whole.Err) > 1, whole.Err);

        // The same month in weeks, each under the limit (7 days x 60 rows), fetched in one request each.
        var weeks = new List<string>();
        for (var from = Month; from < Month.AddMonths(1); from = from.AddDays(7))
        {
            var to = from.AddDays(7) < Month.AddMonths(1) ? from.AddDays(7) : Month.AddMonths(1);
            var week = await CliRun.RunAsync([.. LargeReport[..^4], "--start", Day(from), "--end", Day(to), "--format", "csv"]);
            Assert.True(week.ExitCode == 0, week.ToString());
            Assert.DoesNotContain("time windows", week.Err);
            var weekLines = Lines(week.Out);
            Assert.Equal(lines[0], weekLines[0]);
            weeks.AddRange(weekLines[1..]);
        }

        // Every row, in the server's order (the path begins with its time dimensions), none lost, none repeated.
        Assert.Equal(weeks, lines[1..]);
    }

    [Fact]
    public async Task TheTableSaysUnderItWhatItCovers()
    {
        var run = await CliRun.RunAsync([.. LargeReport, "--no-chart"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = Assert.Single(run.Out.Split('\n'), l => l.StartsWith("This report ", StringComparison.Ordinal)).TrimEnd();
        Assert.StartsWith("This report " + Coverage + "; fetched in ", line);
        Assert.True(Windows(line) > 1, line);
        Assert.DoesNotContain("TRUNCATED", run.Out);
    }

    [Fact]
    public async Task TheJsonCarriesItsCoverage()
    {
        var run = await CliRun.RunAsync([.. LargeReport, "--format", "json", "-q"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Out);
        var root = document.RootElement;
        Assert.False(root.GetProperty("truncated").GetBoolean());
        var coverage = root.GetProperty("coverage");
        Assert.Equal("/year/month/day/tenant/mvpd/platform", coverage.GetProperty("path").GetString());
        Assert.Equal(Day(Month) + "T00:00:00Z", coverage.GetProperty("start").GetString());
        Assert.Equal(Day(Month.AddMonths(1)) + "T00:00:00Z", coverage.GetProperty("end").GetString());
        Assert.Equal(1000, coverage.GetProperty("limit").GetInt32());
        Assert.True(coverage.GetProperty("windows").GetInt32() > 1);
        Assert.True(root.GetProperty("records").GetArrayLength() > 1000);
    }

    [Fact]
    public async Task TheCsvCoverageGoesToStandardErrorNotIntoTheCsv()
    {
        var run = await CliRun.RunAsync([.. LargeReport, "--format", "csv"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("cmu: the CSV " + Coverage + "; fetched in ", run.Err);
        Assert.DoesNotContain("covers", run.Out);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("csv")]
    public async Task ALimitGivesThatManyRowsMarkedTruncated(string format)
    {
        var run = await CliRun.RunAsync(["report", "--emulator", "--granularity", "day", "--dimension", "tenant", "--start", WeekStart, "--end", WeekEnd,
            "--metric", "active-users", "--limit", "5", "--format", format, "--no-chart"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        const string Truncated = "TRUNCATED: the server stopped at the limit of 5 rows (--limit 5); the report may have more rows: leave out --limit to get all of them";
        switch (format)
        {
            case "table":
                Assert.Equal(5, run.Out.Split('\n').Count(l => l.StartsWith("│ ", StringComparison.Ordinal)) - 1); // Less the header.
                Assert.Contains("5 row(s), TRUNCATED", run.Out);
                Assert.Contains(Truncated, run.Out);
                Assert.Contains("limit 5 rows per request", run.Out);
                break;
            case "json":
                using (var document = JsonDocument.Parse(run.Out))
                {
                    Assert.True(document.RootElement.GetProperty("truncated").GetBoolean());
                    Assert.Equal(5, document.RootElement.GetProperty("coverage").GetProperty("limit").GetInt32());
                    Assert.Equal(5, document.RootElement.GetProperty("records").GetArrayLength());
                }

                break;
            default:
                Assert.Equal(5, Lines(run.Out).Length - 1);
                Assert.Contains("cmu: " + Truncated, run.Err);
                break;
        }
    }

    [Fact]
    public async Task ALimitTheReportDoesNotReachIsNotMarkedTruncated()
    {
        var run = await CliRun.RunAsync(["report", "--emulator", "-q", "--format", "json", "--granularity", "day", "--dimension", "tenant", "--start", WeekStart, "--end", WeekEnd, "--limit", "100"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Out);
        Assert.False(document.RootElement.GetProperty("truncated").GetBoolean());
        Assert.Equal(7 * 3, document.RootElement.GetProperty("records").GetArrayLength());
        Assert.Equal(100, document.RootElement.GetProperty("coverage").GetProperty("limit").GetInt32());
    }

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string[] Lines(string text) => text.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);

    private static int Windows(string text) =>
        WindowCount().Match(text) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 1;

    [GeneratedRegex(@"fetched in (\d+) time windows")]
    private static partial Regex WindowCount();
}
