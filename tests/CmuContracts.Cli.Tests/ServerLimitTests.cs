using System.Globalization;
using System.Text.Json;

namespace CmuContracts.Cli.Tests;

/// <summary>
/// <c>cmu report</c> against a CMU server whose default row limit is 5 (<see cref="CmuProxy"/> in front of the
/// emulator): a report over it is fetched in time windows and says which limit applied; one that cannot be cut fails
/// loudly with the limit and how to narrow it; a CSV that fails half-way is not left to pass for the report.
/// </summary>
public sealed class ServerLimitTests
{
    private const int ServerLimit = 5;

    private static readonly DateTime Day = DateTime.UtcNow.Date.AddDays(-10);

    [Theory]
    [InlineData("within", "Narrow it with --filter, or use a finer --granularity", "--granularity", "day", "--dimension", "tenant", "--dimension", "mvpd")]
    [InlineData("its path has no time dimension", "Narrow it with --filter, or add --granularity", "--dimension", "tenant", "--include", "mvpd")]
    public async Task AReportThatCannotBeCutIntoTimeWindowsFailsWithTheServersLimitAndHowToNarrowIt(string why, string remedy, params string[] report)
    {
        // One day of 3 tenants x 5 MVPDs, or the 15 (tenant, mvpd) pairs: 15 rows, over the limit of 5.
        await using var endpoint = await TestEndpoint.StartAsync();
        await using var proxy = await CmuProxy.StartAsync(endpoint.Emulator.CmuBaseAddress, ServerLimit);

        var run = await CliRun.RunAsync(["report", .. report, "--start", Iso(Day), "--end", Iso(Day.AddDays(1)), .. endpoint.Flags(endpoint.StatementFile(), cmu: proxy.CmuBaseAddress)]);

        Assert.True(run.ExitCode == ExitCodes.Server, run.ToString());
        Assert.Equal(string.Empty, run.Out);
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("cmu: error: ", StringComparison.Ordinal));
        Assert.Contains($"reached the server's limit of {ServerLimit} rows (CMU has no paging)", line);
        Assert.Contains(why, line);
        Assert.Contains(remedy, line);
        Assert.EndsWith($"or take the first {ServerLimit} rows with --limit {ServerLimit} (marked truncated).", line);
        Assert.DoesNotContain("AllowPartial", line); // The library's remedy names its API; the tool's names its flags.
    }

    [Fact]
    public async Task AReportOverTheServersLimitArrivesWholeAndSaysWhichLimitApplied()
    {
        // 3 days x 3 tenants = 9 rows: over the limit of 5, each day (3 rows) under it.
        await using var endpoint = await TestEndpoint.StartAsync();
        await using var proxy = await CmuProxy.StartAsync(endpoint.Emulator.CmuBaseAddress, ServerLimit);
        string[] report = ["report", "-q", "--format", "json", "--granularity", "day", "--dimension", "tenant", "--start", Iso(Day), "--end", Iso(Day.AddDays(3))];

        var limited = await CliRun.RunAsync([.. report, .. endpoint.Flags(endpoint.StatementFile(), cmu: proxy.CmuBaseAddress)]);
        var direct = await CliRun.RunAsync([.. report, .. endpoint.Flags(endpoint.StatementFile())]);

        Assert.True(limited.ExitCode == 0, limited.ToString());
        Assert.True(direct.ExitCode == 0, direct.ToString());
        using var limitedJson = JsonDocument.Parse(limited.Out);
        using var directJson = JsonDocument.Parse(direct.Out);
        var coverage = limitedJson.RootElement.GetProperty("coverage");
        Assert.Equal(ServerLimit, coverage.GetProperty("limit").GetInt32()); // From the server's self link, not the observed 1000.
        Assert.True(coverage.GetProperty("windows").GetInt32() > 1);
        Assert.False(limitedJson.RootElement.GetProperty("truncated").GetBoolean());
        Assert.Equal(1000, directJson.RootElement.GetProperty("coverage").GetProperty("limit").GetInt32());
        Assert.Equal(1, directJson.RootElement.GetProperty("coverage").GetProperty("windows").GetInt32());
        var records = limitedJson.RootElement.GetProperty("records");
        Assert.Equal(9, records.GetArrayLength());
        Assert.Equal(directJson.RootElement.GetProperty("records").GetRawText(), records.GetRawText());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ACsvThatFailsAfterItsFirstWindowDoesNotPassForTheReport(bool toFile)
    {
        // A month of days x 60 combinations is cut into time windows; the server refuses every window but the first.
        var month = new DateTime(Day.Year, Day.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-1);
        await using var endpoint = await TestEndpoint.StartAsync();
        await using var proxy = await CmuProxy.StartAsync(endpoint.Emulator.CmuBaseAddress, refuse: request =>
            request.Headers.Accept.ToString().Contains("text/csv", StringComparison.Ordinal)
            && !request.Query["start"].ToString().StartsWith(Iso(month), StringComparison.Ordinal));
        var file = Path.Combine(endpoint.Directory, "usage.csv");

        var run = await CliRun.RunAsync(["report", "-q", "--format", "csv", "--granularity", "day", "--dimension", "tenant", "--dimension", "mvpd", "--dimension", "platform",
            "--start", Iso(month), "--end", Iso(month.AddMonths(1)), .. toFile ? ["--output", file] : Array.Empty<string>(), .. endpoint.Flags(endpoint.StatementFile(), cmu: proxy.CmuBaseAddress)]);

        Assert.True(run.ExitCode == ExitCodes.Server, run.ToString());
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("cmu: error: /cmu/v2/year/month/day/tenant/mvpd/platform: HTTP 400: Refused by the test proxy.", line);
        if (toFile)
        {
            Assert.False(File.Exists(file), "the half-written file should be gone");
            Assert.EndsWith($"The incomplete '{file}' was deleted.", line);
        }
        else
        {
            Assert.StartsWith("year,month,day,tenant,mvpd,platform,", run.Out); // The first window went out before the failure.
            Assert.EndsWith("Standard output got only the first part of the report: discard it.", line);
        }
    }

    private static string Iso(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
