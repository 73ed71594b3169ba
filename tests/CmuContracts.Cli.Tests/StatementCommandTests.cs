using System.Text.Json;
using CmuContracts.Emulator.Options;

namespace CmuContracts.Cli.Tests;

/// <summary><c>cmu statement inspect</c>: decoded claims, a verdict, exit 0 for a usable statement and 3 otherwise.</summary>
public sealed class StatementCommandTests
{
    [Fact]
    public async Task AUsableStatementShowsItsClaimsAndVerdict()
    {
        await using var endpoint = await TestEndpoint.StartAsync();
        var file = endpoint.StatementFile();

        var run = await CliRun.RunAsync(["statement", "inspect", file]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(EmulatorOptions.DemoApplicationId, run.Out);
        Assert.Contains("auth.adobe.com", run.Out);
        Assert.Contains("RS256", run.Out);
        Assert.Matches(@"nbf\s*│\s*\d+ \(\d{4}-\d\d-\d\dT", run.Out);
        Assert.Contains("Verdict: usable: software id " + EmulatorOptions.DemoApplicationId, run.Out);
        Assert.DoesNotContain((await File.ReadAllTextAsync(file)).Trim().Split('.')[2], run.Out); // Never the signature.
    }

    [Fact]
    public async Task JsonFormatParses()
    {
        await using var endpoint = await TestEndpoint.StartAsync();
        var run = await CliRun.RunAsync(["statement", "inspect", endpoint.StatementFile(), "--format", "json"]);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        Assert.True(document.RootElement.GetProperty("usable").GetBoolean());
        Assert.Equal(EmulatorOptions.DemoApplicationId, document.RootElement.GetProperty("claims").GetProperty("sub").GetString());
        Assert.Equal("RS256", document.RootElement.GetProperty("header").GetProperty("alg").GetString());
    }

    [Fact]
    public async Task AStatementNotYetValidIsDecodedButNotUsable()
    {
        static string Part(string json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var nbf = DateTimeOffset.UtcNow.AddDays(2).ToUnixTimeSeconds();
        var file = Path.Combine(TempDirectory.Create(), "future.jwt");
        await File.WriteAllTextAsync(file, $"{Part("{\"alg\":\"RS256\"}")}.{Part($"{{\"sub\":\"abc\",\"iss\":\"auth.adobe.com\",\"nbf\":{nbf}}}")}.c2ln");

        var run = await CliRun.RunAsync(["statement", "inspect", file]);

        Assert.Equal(ExitCodes.Auth, run.ExitCode);
        Assert.Contains("abc", run.Out);
        Assert.Contains("Verdict: not usable (NotYetValid)", run.Out);
    }

    [Fact]
    public async Task GarbageIsNotUsable()
    {
        var file = Path.Combine(TempDirectory.Create(), "garbage.jwt");
        await File.WriteAllTextAsync(file, "hello world");

        var run = await CliRun.RunAsync(["statement", "inspect", file]);

        Assert.Equal(ExitCodes.Auth, run.ExitCode);
        Assert.Contains("(not decodable)", run.Out);
        Assert.Contains("not usable (NotThreeSegments)", run.Out);
    }

    [Fact]
    public async Task AMissingFileIsAUsageError()
    {
        var run = await CliRun.RunAsync(["statement", "inspect", Path.Combine(TempDirectory.Create(), "none.jwt")]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("does not exist", run.Err);
    }
}
