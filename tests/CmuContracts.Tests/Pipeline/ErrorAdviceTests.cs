using CmuContracts.Auth;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Tests.Infrastructure;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// Every error code Adobe documents for registration and token requests reaches the caller with what to do about it:
/// for a refused software statement, download a new one from the TVE Dashboard or check the environment.
/// </summary>
public sealed class ErrorAdviceTests
{
    private const string NewStatement = "Download a new software statement from the TVE Dashboard";
    private const string CheckEnvironment = "check the environment";

    public static TheoryData<string, string> RegistrationCodes() => new()
    {
        { "invalid_request", "the downloaded file's whole text" },
        { "invalid_redirect_uri", "set CmuClientOptions.RedirectUri to one of them, or leave it unset" },
        { "invalid_software_statement", NewStatement },
        { "unapproved_software_statement", NewStatement },
        { "unauthorized_client", NewStatement },
    };

    public static TheoryData<string, string> TokenCodes() => new()
    {
        { "invalid_request", "more than one way of authenticating the client" },
        { "unauthorized_client", NewStatement },
        { "unsupported_grant_type", "check the environment or the registration base address" },
    };

    [Theory]
    [MemberData(nameof(RegistrationCodes))]
    public async Task EachRegistrationErrorSaysWhatToDo(string code, string advice)
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json(400, $$"""{"error":"{{code}}"}"""));
        await using var host = OnServer(emulator, server);

        var ex = await Assert.ThrowsAsync<ClientRegistrationException>(() => host.Reports.GetTenantAsync());

        Assert.Equal(code, ex.ErrorCode);
        Assert.Equal(400, ex.StatusCode);
        Assert.StartsWith($"Registering software id {SoftwareStatement.Parse(host.Statement).SoftwareId} at {server.BaseAddress}o/ failed: HTTP 400, error '{code}'. ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(advice, ex.Message, StringComparison.Ordinal);
        Assert.Contains(advice, ex.Remedy, StringComparison.Ordinal);
        Assert.Equal("registerClient", ex.OperationId);
        Assert.Equal(code, Assert.IsType<CmuServiceException>(ex.InnerException).ErrorCode);
    }

    [Theory]
    [MemberData(nameof(TokenCodes))]
    public async Task EachTokenErrorSaysWhatToDo(string code, string advice)
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json(201, """{"client_id":"c-1","client_secret":"s-1"}"""));
        server.Enqueue(ScriptedResponse.Json(400, $$"""{"error":"{{code}}"}"""));
        await using var host = OnServer(emulator, server);

        var ex = await Assert.ThrowsAsync<AccessTokenRequestException>(() => host.Reports.GetTenantAsync());

        Assert.Equal(code, ex.ErrorCode);
        Assert.StartsWith($"The token request for client id c-1 failed: HTTP 400, error '{code}'. ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(advice, ex.Message, StringComparison.Ordinal);
        Assert.Contains(advice, ex.Remedy, StringComparison.Ordinal);
        Assert.Equal("createAccessToken", ex.OperationId);
        Assert.Equal(400, Assert.IsType<CmuServiceException>(ex.InnerException).StatusCode);
    }

    [Fact]
    public async Task InvalidClientRegistersAgainOnceThenSaysTheCredentialsAreUnknown()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json(201, """{"client_id":"c-1","client_secret":"s-1"}"""));
        server.Enqueue(ScriptedResponse.Json(400, """{"error":"invalid_client"}"""));
        server.Enqueue(ScriptedResponse.Json(201, """{"client_id":"c-2","client_secret":"s-2"}"""));
        server.Enqueue(ScriptedResponse.Json(400, """{"error":"invalid_client"}"""));
        await using var host = OnServer(emulator, server);

        var ex = await Assert.ThrowsAsync<AccessTokenRequestException>(() => host.Reports.GetTenantAsync());

        Assert.True(ex.IsInvalidClient);
        Assert.Contains("client id c-2", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("The credentials are unknown to this server (registered in another environment, or revoked): register again.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["/o/client/register", "/o/client/token", "/o/client/register", "/o/client/token"], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task AStatementOfAnotherEnvironmentIsInvalidAndTheMessageSaysToCheckTheEnvironment()
    {
        // Each emulator signs with a key of its own, as each Adobe environment's dashboard does.
        await using var staging = await AdobePassEmulator.StartAsync(Quiet());
        await using var production = await AdobePassEmulator.StartAsync(Quiet());
        await using var host = CmuTestHost.Create(production, statement: staging.IssueSoftwareStatement("demo"));

        var ex = await Assert.ThrowsAsync<ClientRegistrationException>(() => DayReport.GetAsync(host.Reports));

        Assert.Equal("invalid_software_statement", ex.ErrorCode);
        Assert.Contains(NewStatement, ex.Message, StringComparison.Ordinal);
        Assert.Contains(CheckEnvironment, ex.Message, StringComparison.Ordinal);
        Assert.Contains(production.RegistrationBaseAddress.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, production.Stats.Registrations);
    }

    [Fact]
    public async Task ARevokedStatementIsUnapprovedAndTheMessageSaysToDownloadANewOne()
    {
        var options = Quiet();
        options.RevokedApplications = [EmulatorOptions.DemoApplicationId];
        await using var emulator = await AdobePassEmulator.StartAsync(options);
        await using var host = CmuTestHost.Create(emulator);

        var ex = await Assert.ThrowsAsync<ClientRegistrationException>(() => DayReport.GetAsync(host.Reports));

        Assert.Equal("unapproved_software_statement", ex.ErrorCode);
        Assert.Contains(NewStatement, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Adobe may have revoked it", ex.Message, StringComparison.Ordinal);
        await host.AssertNoSecretsAsync(ex.ToString());
    }

    [Fact]
    public async Task AClientWithoutTheGrantIsUnauthorizedAndTheMessageSaysToDownloadANewStatement()
    {
        var application = new EmulatorApplication { Id = "0d4e8a61-3b5c-4f7e-9a2d-6c1b0e9f8a73", Name = "no-grant", CmuAccess = true, GrantTypes = [] };
        await using var emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false }, Applications = [application] });
        await using var host = CmuTestHost.Create(emulator, statement: emulator.IssueSoftwareStatement("no-grant"));

        var ex = await Assert.ThrowsAsync<AccessTokenRequestException>(() => DayReport.GetAsync(host.Reports));

        Assert.Equal("unauthorized_client", ex.ErrorCode);
        Assert.Contains(NewStatement, ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, emulator.Stats.Registrations);
    }

    private static EmulatorOptions Quiet() => new() { Throttle = { Enabled = false } };

    private static CmuTestHost OnServer(AdobePassEmulator emulator, RecordingServer server) => CmuTestHost.Create(emulator, o =>
    {
        o.RegistrationBaseAddress = new Uri(server.BaseAddress, "o/");
        o.CmuBaseAddress = new Uri(server.BaseAddress, "cmu/v2/");
    });
}
