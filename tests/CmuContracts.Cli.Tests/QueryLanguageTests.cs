using System.Text.Json;

namespace CmuContracts.Cli.Tests;

/// <summary>Adobe's query language in <c>cmu report</c>: bare dimensions, and hints about retention, minute reports and freshness.</summary>
public sealed class QueryLanguageTests
{
    [Fact]
    public async Task IncludeSendsABareDimensionAndTheRecordsCarryIt()
    {
        var run = await CliRun.RunAsync(["report", "--emulator", "--verbose", "--format", "json", "-g", "month", "-d", "tenant", "--include", "mvpd",
            "--filter", "tenant=Acme", "--start", "2026-01", "--end", "2026-02", "--metric", "active-users"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"report request /tenant/year/month\?\S*&mvpd(\s|$)", run.Err); // A key with no '=' and no value.
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal(["tenant", "year", "month", "mvpd", "active-users"], document.RootElement.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!));
        Assert.Equal(5, document.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("mvpd").GetString()).Distinct().Count());
    }

    [Theory]
    [InlineData("day", "time dimension")]
    [InlineData("tenant", "already in the report's path /tenant")]
    [InlineData("nothing", "'nothing' is not a CMU dimension")]
    public async Task ABadIncludeIsAUsageError(string dimension, string reason)
    {
        var run = await CliRun.RunAsync(["report", "--emulator", "-d", "tenant", "--include", dimension]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"cmu: error: --include {dimension}", line);
        Assert.Contains(reason, line);
    }

    [Fact]
    public async Task AStartOlderThanTheRetentionGetsANoteThatQuietHides()
    {
        string[] report = ["report", "--emulator", "--format", "csv", "-g", "month", "-d", "tenant", "--filter", "tenant=Acme", "--start", "900d", "--end", "870d"];

        var noted = await CliRun.RunAsync(report);
        var quiet = await CliRun.RunAsync([.. report, "-q"]);

        Assert.True(noted.ExitCode == 0, noted.ToString());
        Assert.Contains("is older than Adobe's 25-month data retention", noted.Err);
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal(string.Empty, quiet.Err);
    }

    [Fact]
    public async Task ARecentStartGetsNoRetentionNote()
    {
        var run = await CliRun.RunAsync(["report", "--emulator", "--format", "csv", "-g", "day", "-d", "tenant", "--filter", "tenant=Acme", "--start", "5d"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("retention", run.Err);
    }

    [Fact]
    public async Task AMinuteReportSaysAdobeEnablesThemOnRequest()
    {
        var run = await CliRun.RunAsync(["report", "--emulator", "--format", "csv", "-g", "minute", "-d", "tenant", "--filter", "tenant=Acme", "--start", "today", "--limit", "5"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("minute reports are off by default and enabled by Adobe on request", run.Err);
    }

    [Fact]
    public async Task HelpSaysHowFreshEachGranularityIs()
    {
        var run = await CliRun.RunAsync(["report", "--help"]);

        Assert.Equal(0, run.ExitCode);
        var help = string.Join(' ', run.Out.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("year and month data every 2 days, day every 3 hours, hour hourly and minute every minute", help);
        Assert.Contains("--include", help);
        Assert.Contains("--chart", help);
    }
}
