using System.Net;
using System.Text;
using System.Text.Json;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

public sealed class TokenTests(SharedEmulatorFixture fixture) : IClassFixture<SharedEmulatorFixture>
{
    private EmulatorClient Client => fixture.Client;

    private static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("error").GetString()!;
    }

    private static JsonElement Payload(string jwt)
    {
        var s = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(s))).RootElement.Clone();
    }

    [Fact]
    public async Task FormBodyGets201WithBearerJwt()
    {
        var (id, secret) = await Client.RegisterClientAsync();

        using var response = await Client.TokenAsync(id, secret);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.True(Guid.TryParse(root.GetProperty("id").GetString(), out _));
        Assert.Equal(SharedEmulatorFixture.Now.ToUnixTimeMilliseconds(), root.GetProperty("created_at").GetInt64());
        Assert.Equal(21600, root.GetProperty("expires_in").GetInt32());
        Assert.Equal("bearer", root.GetProperty("token_type").GetString());
        var claims = Payload(root.GetProperty("access_token").GetString()!);
        Assert.Equal(id, claims.GetProperty("sub").GetString());
        Assert.Equal("auth.adobe.com", claims.GetProperty("iss").GetString());
        Assert.Equal("api:client:v2,cmu:reports", claims.GetProperty("scopes").GetString());
        var iat = claims.GetProperty("iat").GetInt64();
        Assert.Equal(iat, claims.GetProperty("nbf").GetInt64());
        Assert.Equal(iat + 21600, claims.GetProperty("exp").GetInt64());
    }

    [Fact]
    public async Task QueryStringParametersAreAccepted()
    {
        var (id, secret) = await Client.RegisterClientAsync();

        using var response = await Client.Http.PostAsync(
            new Uri($"o/client/token?grant_type=client_credentials&client_id={id}&client_secret={secret}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task MissingParameterIsInvalidRequest()
    {
        var (id, _) = await Client.RegisterClientAsync();

        using var response = await Client.TokenFormAsync([new("grant_type", "client_credentials"), new("client_id", id)]);

        Assert.Equal("invalid_request", await ErrorAsync(response));
    }

    [Fact]
    public async Task MissingGrantTypeIsInvalidRequest()
    {
        var (id, secret) = await Client.RegisterClientAsync();

        using var response = await Client.TokenFormAsync([new("client_id", id), new("client_secret", secret)]);

        Assert.Equal("invalid_request", await ErrorAsync(response));
    }

    [Fact]
    public async Task ParameterInBothQueryAndBodyIsInvalidRequest()
    {
        var (id, secret) = await Client.RegisterClientAsync();
        using var content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", id), new("client_secret", secret)]);

        using var response = await Client.Http.PostAsync(new Uri($"o/client/token?client_id={id}", UriKind.Relative), content);

        Assert.Equal("invalid_request", await ErrorAsync(response));
    }

    [Fact]
    public async Task JsonBodyIsInvalidRequest()
    {
        using var content = new StringContent("{\"grant_type\":\"client_credentials\"}", Encoding.UTF8, "application/json");

        using var response = await Client.Http.PostAsync(new Uri("o/client/token", UriKind.Relative), content);

        Assert.Equal("invalid_request", await ErrorAsync(response));
    }

    [Fact]
    public async Task BasicAuthenticationIsInvalidRequest()
    {
        var (id, secret) = await Client.RegisterClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "o/client/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", id), new("client_secret", secret)]),
        };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));

        using var response = await Client.Http.SendAsync(request);

        Assert.Equal("invalid_request", await ErrorAsync(response));
    }

    [Fact]
    public async Task WrongSecretIsInvalidClient()
    {
        var (id, _) = await Client.RegisterClientAsync();

        using var response = await Client.TokenAsync(id, Guid.NewGuid().ToString());

        Assert.Equal("invalid_client", await ErrorAsync(response));
    }

    [Fact]
    public async Task UnknownClientIsInvalidClient()
    {
        using var response = await Client.TokenAsync(Guid.NewGuid().ToString(), Guid.NewGuid().ToString());

        Assert.Equal("invalid_client", await ErrorAsync(response));
    }

    [Theory]
    [InlineData("authorization_code")]
    [InlineData("refresh_token")]
    public async Task OtherGrantTypeIsUnsupportedGrantType(string grantType)
    {
        var (id, secret) = await Client.RegisterClientAsync();

        using var response = await Client.TokenFormAsync([new("grant_type", grantType), new("client_id", id), new("client_secret", secret)]);

        Assert.Equal("unsupported_grant_type", await ErrorAsync(response));
    }

    [Fact]
    public async Task ApplicationWithoutClientCredentialsGrantIsUnauthorizedClient()
    {
        var options = SharedEmulatorFixture.Options();
        options.Applications = [new EmulatorApplication { Id = Guid.NewGuid().ToString(), Name = "legacy", GrantTypes = [] }];
        await using var emulator = await AdobePassEmulator.StartAsync(options);
        using var client = new EmulatorClient(emulator);
        var (id, secret) = await client.RegisterClientAsync("legacy");

        using var response = await client.TokenAsync(id, secret);

        Assert.Equal("unauthorized_client", await ErrorAsync(response));
    }

    [Fact]
    public async Task TokenLifetimeIsConfigurable()
    {
        var options = SharedEmulatorFixture.Options();
        options.TokenLifetimeSeconds = 60;
        await using var emulator = await AdobePassEmulator.StartAsync(options);
        using var client = new EmulatorClient(emulator);
        var (id, secret) = await client.RegisterClientAsync();

        using var response = await client.TokenAsync(id, secret);

        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(60, doc.RootElement.GetProperty("expires_in").GetInt32());
    }
}
