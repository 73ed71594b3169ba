namespace CmuContracts.Cli.Tests;

/// <summary>Bad flags and values: exit code 2 and one line naming the flag, before anything is sent.</summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("--bogus", "report", "--bogus")]
    [InlineData("--granularity", "report", "--granularity", "week")]
    [InlineData("--format", "report", "--format", "xml")]
    [InlineData("--limit", "report", "--limit", "0")]
    [InlineData("--limit", "report", "--limit", "many")]
    [InlineData("--metric", "report", "--metric", "viewers")]
    [InlineData("--filter", "report", "--filter", "tenant")]
    [InlineData("--filter", "report", "--dimension", "tenant", "--filter", "year=2026")]
    [InlineData("--start", "report", "--start", "last tuesday")]
    [InlineData("--end", "report", "--start", "2026-05", "--end", "2026-04")]
    [InlineData("--dimension", "report", "--dimension", "day")]
    [InlineData("--chart", "report", "--dimension", "tenant", "--chart", "usage.png")]
    [InlineData("--chart", "report", "--granularity", "day", "--chart", "usage.gif")]
    [InlineData("--chart-size", "report", "--chart-size", "big")]
    [InlineData("--chart-size", "report", "--chart-size", "100x100")]
    [InlineData("--port", "emulator", "--port", "70000")]
    [InlineData("--format", "statement", "inspect", "x.jwt", "--format", "yaml")]
    public async Task ABadFlagIsAUsageErrorNamingIt(string flag, params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("cmu: error: ", line);
        Assert.Contains(flag, line);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task ADimensionPathOutsideTheTreeListsTheValidNextDimensions()
    {
        var run = await CliRun.RunAsync(["report", "--dimension", "platform"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("valid next dimensions after '/': mvpd, tenant, year", run.Err);
    }

    [Fact]
    public async Task AnUnknownCommandIsAUsageError()
    {
        var run = await CliRun.RunAsync(["reprot"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'reprot'", run.Err);
    }

    [Fact]
    public async Task AnInvalidSettingNamesIt()
    {
        var run = await CliRun.RunAsync(["token", "--cmu-url", "not a url"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("CmuBaseAddress", run.Err);
    }

    [Fact]
    public async Task AMissingSettingsFileIsAUsageError()
    {
        var run = await CliRun.RunAsync(["token", "--settings", Path.Combine(TempDirectory.Create(), "none.json")]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("none.json' does not exist", run.Err);
    }

    [Fact]
    public async Task HelpExitsZero()
    {
        var run = await CliRun.RunAsync(["report", "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--granularity", run.Out);
    }
}
