using System.Net;
using System.Text;
using System.Text.Json;
using CmuContracts.NSwag.Tests.AdobePass;
using CmuContracts.NSwag.Tests.Infrastructure;

namespace CmuContracts.NSwag.Tests;

/// <summary>DCR and the token endpoint through NSwag's generated Registration and Token clients.</summary>
public sealed class RegistrationAndTokenTests(NSwagEmulatorFixture fixture) : IClassFixture<NSwagEmulatorFixture>
{
    // NSwag's defaults, without the WhenWritingNull that RegistrationClient.cs adds.
    private static readonly JsonSerializerOptions PlainOptions = new();

    private Task<ClientRegistration> RegisterDemoAsync() =>
        fixture.Registration.RegisterClientAsync(
            new ClientRegistrationRequest { Software_statement = fixture.Emulator.IssueSoftwareStatement() });

    [Fact]
    public async Task DemoStatementRegistersAClientCredentialsClient()
    {
        var registration = await RegisterDemoAsync();

        Assert.True(Guid.TryParse(registration.Client_id, out _), "client_id is a UUID");
        Assert.True(Guid.TryParse(registration.Client_secret, out _), "client_secret is a UUID");
        Assert.Equal(["client_credentials"], registration.Grant_types);
        Assert.Equal(NSwagEmulatorFixture.Now.ToUnixTimeMilliseconds(), registration.Client_id_issued_at);
        Assert.NotEmpty(registration.Scopes!);
    }

    [Fact]
    public async Task ARedirectUriIsEchoed()
    {
        var registration = await fixture.Registration.RegisterClientAsync(new ClientRegistrationRequest
        {
            Software_statement = fixture.Emulator.IssueSoftwareStatement(),
            Redirect_uri = "com.example.demo",
        });

        Assert.Equal(["com.example.demo"], registration.Redirect_uris);
    }

    [Fact]
    public async Task NSwagsDefaultBodyWithANullRedirectUriIsTreatedAsAbsent()
    {
        var body = JsonSerializer.Serialize(
            new ClientRegistrationRequest { Software_statement = fixture.Emulator.IssueSoftwareStatement() }, PlainOptions);
        using var http = new HttpClient { BaseAddress = fixture.Emulator.RegistrationBaseAddress };
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri("client/register", UriKind.Relative), content);

        Assert.Contains("\"redirect_uri\":null", body, StringComparison.Ordinal);
        // The emulator treats "redirect_uri": null as absent (docs/emulator.md, [I]).
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task CredentialsBuyABearerTokenWithItsLifetime()
    {
        var registration = await RegisterDemoAsync();

        // The grant type goes out as the spec's "client_credentials" only because the client is
        // generated for System.Text.Json 9+ (JsonStringEnumMemberName); with NSwag's default it is "Client_credentials".
        var token = await fixture.Token.CreateAccessTokenAsync(new AccessTokenRequest
        {
            Grant_type = GrantType.Client_credentials,
            Client_id = registration.Client_id,
            Client_secret = registration.Client_secret,
        });

        Assert.Equal("bearer", token.Token_type);
        Assert.False(string.IsNullOrEmpty(token.Access_token));
        Assert.True(token.Expires_in > 0, $"expires_in {token.Expires_in}");
        Assert.Equal(NSwagEmulatorFixture.Now.ToUnixTimeMilliseconds(), token.Created_at);
    }

    [Fact]
    public async Task AForgedStatementIsATypedOAuthError()
    {
        var error = await Assert.ThrowsAsync<AdobePassApiException<OAuthError>>(() =>
            fixture.Registration.RegisterClientAsync(new ClientRegistrationRequest { Software_statement = "not.a.jwt" }));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(OAuthErrorCode.Invalid_software_statement, error.Result.Error);
    }

    [Fact]
    public async Task AWrongSecretIsInvalidClient()
    {
        var registration = await RegisterDemoAsync();

        var error = await Assert.ThrowsAsync<AdobePassApiException<OAuthError>>(() =>
            fixture.Token.CreateAccessTokenAsync(new AccessTokenRequest
            {
                Grant_type = GrantType.Client_credentials,
                Client_id = registration.Client_id,
                Client_secret = Guid.NewGuid().ToString(),
            }));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(OAuthErrorCode.Invalid_client, error.Result.Error);
    }

    [Fact]
    public async Task AReportWithoutTheBearerTokenIs401()
    {
        using var http = new HttpClient { BaseAddress = fixture.Emulator.CmuBaseAddress };

        var error = await Assert.ThrowsAsync<AdobePassApiException<string>>(() => new UsageReportsClient(http).GetTenantAsync());

        Assert.Equal(401, error.StatusCode);
    }
}
