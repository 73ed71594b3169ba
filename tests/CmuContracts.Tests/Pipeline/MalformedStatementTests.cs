using CmuContracts.Auth;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Tests.Auth;
using Microsoft.Extensions.Options;

namespace CmuContracts.Tests.Pipeline;

/// <summary>Each kind of unusable software statement, through AddCmuClient: its own problem, and nothing sent.</summary>
public sealed class MalformedStatementTests
{
    /// <summary>Claims that pass every check, so only the header or the size is wrong.</summary>
    private const string Valid = """{"sub":"app","iss":"auth.adobe.com"}""";

    private static EmulatorOptions Quiet() => new() { Throttle = { Enabled = false } };

    public static TheoryData<string, SoftwareStatementProblem> Malformed()
    {
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds();
        return new()
        {
            { "header.payload", SoftwareStatementProblem.NotThreeSegments },
            { "a.b.c.d", SoftwareStatementProblem.NotThreeSegments },
            { "e30.!!!notbase64!!!.c2ln", SoftwareStatementProblem.InvalidBase64 },
            { TestJwt.Create("{\"sub\":\"app\",\"iss\":"), SoftwareStatementProblem.InvalidJson },
            { TestJwt.Create("""["not","an","object"]"""), SoftwareStatementProblem.InvalidJson },
            { TestJwt.Create("""{"sub":"app-without-issuer"}"""), SoftwareStatementProblem.MissingIssuer },
            { TestJwt.Create("""{"iss":"auth.adobe.com"}"""), SoftwareStatementProblem.MissingSoftwareId },
            { TestJwt.Create($$"""{"sub":"app","iss":"auth.adobe.com","nbf":{{tomorrow}}}"""), SoftwareStatementProblem.NotYetValid },
            { TestJwt.Create($$"""{"sub":"app","iss":"auth.adobe.com","pad":"{{new string('a', 64 * 1024)}}"}"""), SoftwareStatementProblem.TooLarge },
            { TestJwt.Create(Valid, """{"alg":"HS256","typ":"JWT"}"""), SoftwareStatementProblem.UnsupportedAlgorithm },
            { TestJwt.Create(Valid, """{"alg":"none"}"""), SoftwareStatementProblem.UnsupportedAlgorithm },
            { TestJwt.Encode("""{"alg":"none"}""") + "." + TestJwt.Encode(Valid) + ".", SoftwareStatementProblem.UnsupportedAlgorithm },
            { TestJwt.Create(Valid, """{"typ":"JWT"}"""), SoftwareStatementProblem.UnsupportedAlgorithm },
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task AMalformedStatementFailsTheFirstCallWithItsProblemAndSendsNoRequest(string statement, SoftwareStatementProblem problem)
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        await using var host = CmuTestHost.Create(emulator, statement: statement);

        var ex = await Assert.ThrowsAsync<SoftwareStatementException>(() => host.Reports.GetTenantAsync());
        var again = await Assert.ThrowsAsync<SoftwareStatementException>(() => host.Reports.GetTenantAsync());

        Assert.Equal(problem, ex.Problem);
        Assert.Equal(problem, again.Problem); // not cached as a success, not turned into another error
        Assert.StartsWith("The software statement ", ex.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Stats.Requests);
        AssertNotShown(statement, host, ex);
    }

    [Fact]
    public async Task AStatementFileThatDoesNotExistFailsWithUnreadableNamingTheFileAndSendsNoRequest()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var missing = Path.Combine(Path.GetTempPath(), "cmu-no-statement-" + Guid.NewGuid().ToString("N") + ".jwt");
        await using var host = CmuTestHost.Create(emulator, o => { o.SoftwareStatement = null; o.SoftwareStatementPath = missing; });

        var ex = await Assert.ThrowsAsync<SoftwareStatementException>(() => host.Reports.GetTenantAsync());

        Assert.Equal(SoftwareStatementProblem.Unreadable, ex.Problem);
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Stats.Requests);
    }

    [Fact]
    public async Task AStatementFileWithAMalformedStatementNamesTheFileAndSendsNoRequest()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var path = Path.Combine(Path.GetTempPath(), "cmu-bad-statement-" + Guid.NewGuid().ToString("N") + ".jwt");
        var statement = TestJwt.Create("""{"sub":"app-without-issuer"}""");
        await File.WriteAllTextAsync(path, statement + "\n");
        try
        {
            await using var host = CmuTestHost.Create(emulator, o => { o.SoftwareStatement = null; o.SoftwareStatementPath = path; });

            var ex = await Assert.ThrowsAsync<SoftwareStatementException>(() => host.Reports.GetTenantAsync());

            Assert.Equal(SoftwareStatementProblem.MissingIssuer, ex.Problem);
            Assert.Contains($"file '{path}'", ex.Message, StringComparison.Ordinal);
            Assert.Empty(emulator.Stats.Requests);
            AssertNotShown(statement, host, ex);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AFiftyMebibyteStatementFileIsRefusedAsTooLargeAndSendsNoRequest()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var path = Path.Combine(Path.GetTempPath(), "cmu-huge-statement-" + Guid.NewGuid().ToString("N") + ".jwt");
        await using (var file = File.Create(path))
        {
            await file.WriteAsync(System.Text.Encoding.ASCII.GetBytes(emulator.IssueSoftwareStatement("demo")));
            file.SetLength(50L * 1024 * 1024); // sparse: the statement, then 50 MiB of nothing
        }

        try
        {
            await using var host = CmuTestHost.Create(emulator, o => { o.SoftwareStatement = null; o.SoftwareStatementPath = path; });

            var ex = await Assert.ThrowsAsync<SoftwareStatementException>(() => host.Reports.GetTenantAsync());

            Assert.Equal(SoftwareStatementProblem.TooLarge, ex.Problem);
            Assert.Contains($"file '{path}' is over 64 KiB", ex.Message, StringComparison.Ordinal);
            Assert.Empty(emulator.Stats.Requests);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TheEmulatorsStatementsAreRS256AndSmallAsAdobesAreSoTheGuardLetsThemThrough()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var statement = emulator.IssueSoftwareStatement("demo");

        using var header = System.Text.Json.JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(statement.Split('.')[0]));
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        Assert.InRange(statement.Length, 100, 4 * 1024);
        Assert.NotNull(SoftwareStatement.Parse(statement));
    }

    [Fact]
    public async Task AnEmptyStatementIsRefusedByOptionValidationNamingBothSettingsAndSendsNoRequest()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        await using var host = CmuTestHost.Create(emulator, statement: "   ");

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.Reports.GetTenantAsync());

        Assert.Contains("CmuClientOptions.SoftwareStatement or CmuClientOptions.SoftwareStatementPath is required", ex.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Stats.Requests);
    }

    private static void AssertNotShown(string statement, CmuTestHost host, Exception ex)
    {
        foreach (var segment in statement.Split('.').Where(s => s.Length > 8))
        {
            Assert.DoesNotContain(segment, ex.ToString(), StringComparison.Ordinal);
            Assert.All(host.Logs.Lines, line => Assert.DoesNotContain(segment, line, StringComparison.Ordinal));
        }
    }
}
