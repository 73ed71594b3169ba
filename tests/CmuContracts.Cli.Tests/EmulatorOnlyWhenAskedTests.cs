namespace CmuContracts.Cli.Tests;

/// <summary>
/// The embedded emulator runs only when asked for (<c>--emulator</c> or <c>CMU_EMULATOR=1</c>): without it and
/// without an endpoint, a command that calls a service is a usage error, never a report of synthetic numbers.
/// </summary>
public sealed class EmulatorOnlyWhenAskedTests
{
    [Fact]
    public async Task AStatementWithoutAnEnvironmentIsAUsageErrorEvenWhenQuietAndWritesNoFile()
    {
        // The user's own command: a real statement, no --environment, -q, CSV to a file.
        var folder = TempDirectory.Create();
        var statement = Path.Combine(folder, "MyApp_1700667057906.txt");
        await File.WriteAllTextAsync(statement, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2ln");
        var output = Path.Combine(folder, "oct.csv");

        var run = await CliRun.RunAsync(["report", "-q", "--statement", statement, "-g", "month", "-d", "tenant", "--start", "2026-10", "--end", "2026-11",
            "--format", "csv", "--output", output]);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("cmu: error: no endpoint configured", line);
        Assert.Contains("--environment", line);
        Assert.Contains("--emulator", line);
        Assert.DoesNotContain("using the embedded emulator", run.Err);
        Assert.Equal(string.Empty, run.Out);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("report", "--dimension", "tenant")]
    [InlineData("register")]
    [InlineData("token")]
    public async Task EveryCommandThatCallsAServiceNeedsAnEndpointOrTheEmulator(params string[] args)
    {
        var home = TempDirectory.Create();
        var statement = Path.Combine(home, "statement.jwt");
        await File.WriteAllTextAsync(statement, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2ln");

        var run = await CliRun.RunAsync([.. args, "--statement", statement], home: home);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("no endpoint configured", run.Err);
        Assert.Equal(string.Empty, run.Out);
        Assert.False(Directory.Exists(Path.Combine(home, ".config", "cmu")), "nothing may be registered or stored");
    }

    [Fact]
    public async Task TheEmulatorVariableAsksForTheEmulatorLikeTheFlag()
    {
        var run = await CliRun.RunAsync(["token"], new Dictionary<string, string> { ["CMU_EMULATOR"] = "1" });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("using the embedded emulator at http://127.0.0.1:", run.Err);
        Assert.StartsWith("Access token expires ", run.Out);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("false")]
    public async Task TheEmulatorVariableTurnedOffStillNeedsAnEndpoint(string value)
    {
        var run = await CliRun.RunAsync(["token"], new Dictionary<string, string> { ["CMU_EMULATOR"] = value });

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("no endpoint configured", run.Err);
    }

    [Fact]
    public async Task AnUnclearEmulatorVariableIsAUsageError()
    {
        var run = await CliRun.RunAsync(["token"], new Dictionary<string, string> { ["CMU_EMULATOR"] = "maybe" });

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("CMU_EMULATOR 'maybe'", run.Err);
    }
}
