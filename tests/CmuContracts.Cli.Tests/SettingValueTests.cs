namespace CmuContracts.Cli.Tests;

/// <summary>
/// Flags are typed values, checked before the client starts; values from a settings file or variable are read by the
/// library's generated binder and checked by its validators. Either way a bad value is a usage error naming it.
/// </summary>
public sealed class SettingValueTests
{
    private static readonly string[] Endpoint = ["token", "--registration-url", "http://127.0.0.1:9/o/", "--cmu-url", "http://127.0.0.1:9/cmu/v2/"];

    [Fact]
    public async Task AnUnknownEnvironmentFlagListsTheEnvironments()
    {
        var run = await CliRun.RunAsync(["token", "--environment", "Mars"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--environment 'Mars' is not one of Production, Staging, PreQualification, PreQualificationStaging.", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANumberIsNotAnEnvironment()
    {
        var run = await CliRun.RunAsync(["token", "--environment", "1"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--environment '1'", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVariableTheBinderCannotReadIsNamed()
    {
        var run = await CliRun.RunAsync([.. Endpoint, "--statement", StatementFile()], new Dictionary<string, string> { ["CMU_RESILIENCE__MAXRETRYATTEMPTS"] = "three" });

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("cmu: error: setting Resilience.MaxRetryAttempts 'three' cannot be read", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AValueTheGeneratedValidatorRefusesIsNamedOnce()
    {
        var run = await CliRun.RunAsync([.. Endpoint, "--statement", StatementFile()], new Dictionary<string, string> { ["CMU_RESILIENCE__MAXRETRYATTEMPTS"] = "11" });

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("cmu: error: The field setting Resilience.MaxRetryAttempts must be between 0 and 10.", line);
    }

    [Fact]
    public async Task ASettingsFileAndAFlagTogetherAreValidatedAsOne()
    {
        var folder = TempDirectory.Create();
        var settings = Path.Combine(folder, "settings.json");
        await File.WriteAllTextAsync(settings, """{ "SoftwareStatement": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2ln" }""");

        var run = await CliRun.RunAsync([.. Endpoint, "--settings", settings, "--statement", StatementFile()]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("setting SoftwareStatement and setting SoftwareStatementPath are both set", run.Err, StringComparison.Ordinal);
    }

    private static string StatementFile()
    {
        var statement = Path.Combine(TempDirectory.Create(), "statement.jwt");
        File.WriteAllText(statement, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2ln");
        return statement;
    }
}
