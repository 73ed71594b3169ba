using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Emulator.Registration;
using CmuContracts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// The registration answer's fields as the access pipeline reads them over real HTTP: <c>client_id_issued_at</c> in
/// seconds or milliseconds, RFC 7591's <c>client_secret_expires_at</c> (0 = never), and any absolute redirect URI.
/// </summary>
public sealed class RegistrationFieldTests : IAsyncLifetime
{
    private const string Report = """{"_links":{"self":{"href":"/cmu/v2/tenant"}},"report":[{"tenant":"Acme","active-users":"5"}]}""";
    private const string Token = """{"access_token":"t","expires_in":21600,"token_type":"bearer"}""";
    private RecordingServer _server = null!;
    private AdobePassEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _server = await RecordingServer.StartAsync();
        _emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false } });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Theory]
    [InlineData(1723227212L, "2024-08-09T18:13:32Z")] // seconds, as Adobe's documentation sample
    [InlineData(1700725699585L, "2023-11-23T07:48:19.585Z")] // milliseconds, as Adobe's real answer
    [InlineData(99_999_999_999L, "5138-11-16T09:46:39Z")] // the largest value read as seconds
    [InlineData(100_000_000_000L, "1973-03-03T09:46:40Z")] // the smallest value read as milliseconds
    public async Task IssuedAtIsReadAsSecondsOrMillisecondsByMagnitude(long issuedAt, string expected)
    {
        _server.Enqueue(ScriptedResponse.Json(201, $$"""{"client_id":"c-1","client_secret":"s-1","client_id_issued_at":{{issuedAt}}}"""));
        _server.Enqueue(ScriptedResponse.Json(201, Token));
        _server.Enqueue(ScriptedResponse.Json(200, Report));
        await using var host = Host();

        await host.Reports.GetTenantAsync();

        var credentials = await host.CurrentCredentialsAsync();
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), credentials!.IssuedAt);
    }

    [Fact]
    public async Task ASecretThatExpiresIsRenewedShortlyBeforeItPasses()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        _server.Enqueue(ScriptedResponse.Json(201, $$"""{"client_id":"c-1","client_secret":"s-1","client_id_issued_at":{{now}},"client_secret_expires_at":{{now + 3600}}}"""));
        _server.Enqueue(ScriptedResponse.Json(201, Token));
        _server.Enqueue(ScriptedResponse.Json(200, Report));
        _server.Enqueue(ScriptedResponse.Json(200, Report));
        _server.Enqueue(ScriptedResponse.Json(201, $$"""{"client_id":"c-2","client_secret":"s-2","client_id_issued_at":{{now + 3600}}}"""));
        _server.Enqueue(ScriptedResponse.Json(201, Token));
        _server.Enqueue(ScriptedResponse.Json(200, Report));
        await using var host = Host(clock);

        await host.Reports.GetTenantAsync();
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(now + 3600), (await host.CurrentCredentialsAsync())!.ExpiresAt);
        clock.Advance(TimeSpan.FromSeconds(3600 - 61)); // the 6 h token is still good, the secret not yet due
        await host.Reports.GetTenantAsync();
        Assert.Equal(4, _server.Requests.Count);
        clock.Advance(TimeSpan.FromSeconds(2)); // 59 s before the secret expires: inside the 60 s buffer
        await host.Reports.GetTenantAsync();

        Assert.Equal(
            ["/o/client/register", "/o/client/token", "/cmu/v2/tenant", "/cmu/v2/tenant", "/o/client/register", "/o/client/token", "/cmu/v2/tenant"],
            _server.Requests.Select(r => r.Path));
        Assert.Contains("client_id=c-2", _server.Requests[5].BodyText, StringComparison.Ordinal);
        Assert.Equal("c-2", (await host.CurrentCredentialsAsync())!.ClientId);
        Assert.Contains(host.Logs.Lines, l => l.Contains("The secret of client id c-1 expires", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASecretThatExpiresAtZeroNeverExpires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _server.Enqueue(ScriptedResponse.Json(201, """{"client_id":"c-1","client_secret":"s-1","client_secret_expires_at":0}"""));
        _server.Enqueue(ScriptedResponse.Json(201, Token));
        _server.Enqueue(ScriptedResponse.Json(200, Report));
        _server.Enqueue(ScriptedResponse.Json(201, Token));
        _server.Enqueue(ScriptedResponse.Json(200, Report));
        await using var host = Host(clock);

        await host.Reports.GetTenantAsync();
        clock.Advance(TimeSpan.FromDays(400)); // the token has long expired; the credentials have not
        await host.Reports.GetTenantAsync();

        Assert.Equal(["/o/client/register", "/o/client/token", "/cmu/v2/tenant", "/o/client/token", "/cmu/v2/tenant"], _server.Requests.Select(r => r.Path));
        Assert.Null((await host.CurrentCredentialsAsync())!.ExpiresAt);
    }

    [Fact]
    public async Task ARedirectUriWithACustomSchemeIsSentAndRegistered()
    {
        var application = new EmulatorApplication
        {
            Id = "6f1c9a3e-7d2b-4e8f-9a10-2b3c4d5e6f70",
            Name = "mobile",
            CmuAccess = true,
            RedirectUris = ["com.example.app:/callback"],
        };
        await using var emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false }, Applications = [application] });
        await using var host = CmuTestHost.Create(emulator, o => o.RedirectUri = "com.example.app:/callback", statement: emulator.IssueSoftwareStatement("mobile"));

        var report = await DayReport.GetAsync(host.Reports);

        Assert.NotEmpty(report.Report);
        var client = emulator.Services.GetRequiredService<ClientRegistry>().Find((await host.CurrentCredentialsAsync())!.ClientId);
        Assert.Equal(["com.example.app:/callback"], client!.RedirectUris);
        Assert.Equal(1, emulator.Stats.Registrations);
    }

    private CmuTestHost Host(TimeProvider? clock = null) => CmuTestHost.Create(
        _emulator,
        o =>
        {
            o.RegistrationBaseAddress = new Uri(_server.BaseAddress, "o/");
            o.CmuBaseAddress = new Uri(_server.BaseAddress, "cmu/v2/");
        },
        timeProvider: clock);
}
