using System.Net;
using System.Text.Json;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

/// <summary>Revoking statements through the emulator endpoint (own host: revocation is global state).</summary>
public sealed class RevocationTests
{
    [Fact]
    public async Task RevokedStatementIsUnapprovedAndExistingClientIsUnauthorized()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(SharedEmulatorFixture.Options());
        using var client = new EmulatorClient(emulator);
        var statement = await client.StatementAsync();
        var (id, secret) = await client.RegisterClientAsync();

        using var revoke = await client.Http.PostAsync(new Uri("emulator/software-statements/demo/revoke", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        using var register = await client.RegisterAsync(statement);
        Assert.Equal(HttpStatusCode.BadRequest, register.StatusCode);
        using (var doc = JsonDocument.Parse(await register.Content.ReadAsStringAsync()))
        {
            Assert.Equal("unapproved_software_statement", doc.RootElement.GetProperty("error").GetString());
        }

        using var token = await client.TokenAsync(id, secret);
        Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
        using (var doc = JsonDocument.Parse(await token.Content.ReadAsStringAsync()))
        {
            Assert.Equal("unauthorized_client", doc.RootElement.GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task RevokingAnUnknownApplicationIs404()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(SharedEmulatorFixture.Options());
        using var client = new EmulatorClient(emulator);

        using var revoke = await client.Http.PostAsync(new Uri("emulator/software-statements/nope/revoke", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
    }
}
