using System.Net;
using System.Text.Json;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

public sealed class RegistrationTests(SharedEmulatorFixture fixture) : IClassFixture<SharedEmulatorFixture>
{
    private EmulatorClient Client => fixture.Client;

    private static async Task AssertErrorAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, doc.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ValidStatementGets201WithUuidCredentials()
    {
        using var response = await Client.RegisterAsync(await Client.StatementAsync(), "https://demo.example.com/callback");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.True(Guid.TryParse(root.GetProperty("client_id").GetString(), out _));
        Assert.True(Guid.TryParse(root.GetProperty("client_secret").GetString(), out _));
        Assert.Equal(SharedEmulatorFixture.Now.ToUnixTimeMilliseconds(), root.GetProperty("client_id_issued_at").GetInt64());
        Assert.Equal(["https://demo.example.com/callback"], root.GetProperty("redirect_uris").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["client_credentials"], root.GetProperty("grant_types").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("api:client:v2", root.GetProperty("scopes").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task PlainApplicationJsonIsAccepted()
    {
        using var response = await Client.RegisterRawAsync(
            JsonSerializer.Serialize(new { software_statement = await Client.StatementAsync() }), "application/json");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json;charset=iso-8859-1")]
    public async Task WrongContentTypeIsInvalidRequest(string contentType)
    {
        using var response = await Client.RegisterRawAsync(
            JsonSerializer.Serialize(new { software_statement = await Client.StatementAsync() }), contentType);

        await AssertErrorAsync(response, "invalid_request");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("{\"software_statement\":\"\"}")]
    [InlineData("{\"software_statement\":\"a\",\"software_statement\":\"b\"}")]
    [InlineData("{\"software_statement\":\"a.b.c\",\"redirect_uri\":5}")]
    public async Task MalformedBodyIsInvalidRequest(string body)
    {
        using var response = await Client.RegisterRawAsync(body);

        await AssertErrorAsync(response, "invalid_request");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")]
    public async Task NonJwtIsInvalidSoftwareStatement(string statement)
    {
        using var response = await Client.RegisterAsync(statement);

        await AssertErrorAsync(response, "invalid_software_statement");
    }

    [Fact]
    public async Task TamperedSignatureIsInvalidSoftwareStatement()
    {
        var parts = (await Client.StatementAsync()).Split('.');
        var other = (await Client.StatementAsync("no-cmu")).Split('.');

        using var response = await Client.RegisterAsync($"{other[0]}.{other[1]}.{parts[2]}");

        await AssertErrorAsync(response, "invalid_software_statement");
    }

    [Fact]
    public async Task StatementSignedByAnotherKeyIsInvalidSoftwareStatement()
    {
        await using var other = await AdobePassEmulator.StartAsync(SharedEmulatorFixture.Options());

        using var response = await Client.RegisterAsync(other.IssueSoftwareStatement());

        await AssertErrorAsync(response, "invalid_software_statement");
    }

    [Fact]
    public async Task RedirectUriNotAllowedIsInvalidRedirectUri()
    {
        using var response = await Client.RegisterAsync(await Client.StatementAsync(), "https://evil.example.com/");

        await AssertErrorAsync(response, "invalid_redirect_uri");
    }

    [Fact]
    public async Task NullRedirectUriIsTreatedAsAbsent()
    {
        var json = "{\"software_statement\":\"" + await Client.StatementAsync() + "\",\"redirect_uri\":null}";

        using var response = await Client.RegisterRawAsync(json);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        using var doc = JsonDocument.Parse(body);
        Assert.Empty(doc.RootElement.GetProperty("redirect_uris").EnumerateArray());
    }
}
