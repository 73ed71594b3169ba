using System.Globalization;
using System.Text.Json;

namespace CmuContracts.Cli.Tests;

/// <summary><c>cmu report</c> against the embedded emulator: table and chart, CSV and JSON that parse, files, progress.</summary>
public sealed class ReportCommandTests
{
    // A finished week inside the emulator's retention whatever today is.
    private static readonly string Start = DateTime.UtcNow.Date.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly string End = DateTime.UtcNow.Date.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task TimeSeriesTableHasRowsAndABarChartOfTheChosenMetric()
    {
        var run = await CliRun.RunAsync(["report", "--emulator", "--granularity", "day", "--dimension", "tenant", "--filter", "tenant=Acme",
            "--start", Start, "--end", End, "--metric", "active-users", "--metric", "started-sessions", "--chart-metric", "started-sessions"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("CMU report /tenant/year/month/day", run.Out);
        Assert.Contains("7 row(s)", run.Out);
        Assert.Contains("started-sessions per day", run.Out);
        var bars = run.Out.Split('\n').Where(l => l.Contains('█')).ToList();
        Assert.Equal(7, bars.Count);
        Assert.Contains(bars, b => b.StartsWith(Start, StringComparison.Ordinal));
        Assert.Contains("using the embedded emulator", run.Err);
    }

    [Fact]
    public async Task TheTerminalChartHasOneBarPerTenantAndDayNeverASum()
    {
        var json = await CliRun.RunAsync(["report", "--emulator", "--granularity", "day", "--dimension", "tenant", "--start", Start, "--end", End, "--metric", "active-users", "--format", "json", "-q"]);
        var table = await CliRun.RunAsync(["report", "--emulator", "--granularity", "day", "--dimension", "tenant", "--start", Start, "--end", End, "--metric", "active-users", "-q"]);

        Assert.Equal(0, json.ExitCode);
        Assert.True(table.ExitCode == 0, table.ToString());
        using var document = JsonDocument.Parse(json.Out);
        var records = document.RootElement.GetProperty("records").EnumerateArray().ToList();
        var bars = table.Out.Split('\n').Where(l => l.Contains('█')).Select(l => l.Trim()).ToList();
        Assert.Equal(records.Count, bars.Count); // 7 days x 3 tenants: one bar per row, none merged.
        foreach (var record in records.Where(r => r.GetProperty("day").GetString() == Start[8..].TrimStart('0')))
        {
            var tenant = record.GetProperty("tenant").GetString()!;
            var bar = Assert.Single(bars, b => b.StartsWith($"{Start} {tenant} ", StringComparison.Ordinal));
            Assert.EndsWith(" " + record.GetProperty("active-users").GetInt64().ToString(CultureInfo.InvariantCulture), bar);
        }

        Assert.Contains("active-users per day by tenant (a distinct count: bars are not summed)", table.Out);
    }

    [Fact]
    public async Task TooManySeriesLeaveTheTerminalChartOutAndSayWhy()
    {
        var run = await CliRun.RunAsync(["report", "--emulator", "--granularity", "day", "--dimension", "tenant", "--dimension", "mvpd", "--start", Start, "--end", End, "--metric", "active-users"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("CMU report /year/month/day/tenant/mvpd", run.Out);
        Assert.DoesNotContain("█", run.Out);
        Assert.Contains("cmu: bar chart left out: 15 tenant and mvpd values would make 15 series (at most 8 stay readable); narrow the report with --filter", run.Err);
    }

    [Fact]
    public async Task RelativeDaysStartAtMidnightThatManyDaysAgo()
    {
        var run = await CliRun.RunAsync(["report", "--emulator", "-q", "--format", "csv", "--granularity", "day", "--dimension", "tenant", "--filter", "tenant=Acme", "--start", "5d", "--end", "today"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var days = run.Out.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries)[1..].Select(l => l.Split(',')).Select(c => new DateTime(int.Parse(c[1], CultureInfo.InvariantCulture), int.Parse(c[2], CultureInfo.InvariantCulture), int.Parse(c[3], CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => DateTime.UtcNow.Date.AddDays(i - 5)), days);
    }

    [Fact]
    public async Task AReportWithoutATimeDimensionHasNoChart()
    {
        var run = await CliRun.RunAsync(["report", "--emulator", "--dimension", "tenant", "--metric", "active-users"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("using the embedded emulator at http://127.0.0.1:", run.Err);
        Assert.Contains("Acme", run.Out);
        Assert.DoesNotContain("█", run.Out); // No bars.
        Assert.DoesNotContain("active-users per", run.Out); // No chart label.
    }

    [Fact]
    public async Task CsvParsesWithTheFiltersApplied()
    {
        var run = await CliRun.RunAsync(["report", "--emulator", "-q", "--format", "csv", "--granularity", "month", "--dimension", "tenant", "--dimension", "mvpd",
            "--filter", "tenant=Acme", "--filter", "tenant=Globex", "--filter", "mvpd!=Comcast_SSO", "--start", "2026-01", "--end", "2026-03"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Err);
        var lines = run.Out.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(["tenant", "year", "month", "mvpd"], header[..4]);
        Assert.Contains("active-users", header);
        var rows = lines[1..].Select(l => l.Split(',')).ToList();
        Assert.Equal(2 * 2 * 4, rows.Count); // 2 tenants x 2 months x 4 MVPDs (5 less Comcast_SSO).
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        Assert.All(rows, r => Assert.Contains(r[0], new[] { "Acme", "Globex" }));
        Assert.DoesNotContain(rows, r => r[3] == "Comcast_SSO");
        Assert.All(rows, r => Assert.True(long.TryParse(r[Array.IndexOf(header, "active-users")], CultureInfo.InvariantCulture, out _)));
    }

    [Fact]
    public async Task JsonParsesWithMetricsAsNumbersAndTheLimitApplied()
    {
        var run = await CliRun.RunAsync(["report", "--emulator", "-q", "--format", "json", "--granularity", "day", "--dimension", "tenant", "--start", Start, "--end", End,
            "--metric", "active-users", "--metric", "killed-sessions", "--limit", "5"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Out);
        var root = document.RootElement;
        Assert.Equal("/tenant/year/month/day", root.GetProperty("path").GetString());
        Assert.Equal(["tenant", "year", "month", "day", "active-users", "killed-sessions"], root.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!));
        var records = root.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(5, records.Count);
        Assert.True(root.GetProperty("truncated").GetBoolean()); // 21 rows cut at 5.
        Assert.All(records, r => Assert.Equal(JsonValueKind.Number, r.GetProperty("active-users").ValueKind));
        Assert.All(records, r => Assert.Equal(JsonValueKind.String, r.GetProperty("tenant").ValueKind));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("table")]
    public async Task OutputGoesToTheFileAndNotToStandardOutput(string format)
    {
        var file = Path.Combine(TempDirectory.Create(), "out", "report." + format);
        var run = await CliRun.RunAsync(["report", "--emulator", "--format", format, "--output", file, "--dimension", "tenant", "--metric", "active-users"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("report written to " + file, run.Err);
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("Initech", text);
        if (format == "json")
        {
            using var document = JsonDocument.Parse(text);
            Assert.Equal(3, document.RootElement.GetProperty("records").GetArrayLength());
        }
    }

    [Fact]
    public async Task ProgressAlwaysReportsOnStandardErrorOnly()
    {
        var run = await CliRun.RunAsync(["report", "--emulator", "--progress", "always", "--format", "csv", "--dimension", "tenant"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("cmu: fetching /tenant", run.Err);
        Assert.Matches(@"KiB of CSV received in \d+\.\d\d s", run.Err);
        Assert.DoesNotContain("fetching", run.Out);
    }

    [Fact]
    public async Task QuietPrintsOnlyTheReport()
    {
        var run = await CliRun.RunAsync(["report", "--emulator", "--quiet", "--progress", "always", "--dimension", "tenant"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Err);
        Assert.Contains("Globex", run.Out);
    }

    [Fact]
    public async Task VerboseShowsTheRequestButNoSecret()
    {
        var run = await CliRun.RunAsync(["report", "--emulator", "--verbose", "--dimension", "tenant", "--metric", "active-users"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("report request /tenant?metrics=active-users", run.Err);
        Assert.DoesNotContain("eyJ", run.Err); // No JWT (statement or token) in any line.
        Assert.DoesNotContain("client_secret", run.Err);
    }

    [Fact]
    public async Task AServerRefusalExitsFourWithTheServersReason()
    {
        // 'users' is a metric of the histogram paths only: the emulator answers 400 with a reason.
        var run = await CliRun.RunAsync(["report", "--emulator", "-q", "--granularity", "day", "--dimension", "tenant", "--metric", "users"]);

        Assert.Equal(ExitCodes.Server, run.ExitCode);
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("cmu: error: /cmu/v2/tenant/year/month/day: HTTP 400: Unknown metric 'users'", line);
    }
}
