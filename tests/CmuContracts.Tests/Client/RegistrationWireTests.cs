using System.Net;
using System.Text.Json;
using CmuContracts.AdobePass;
using CmuContracts.Tests.Infrastructure;
using Refit;

namespace CmuContracts.Tests.Client;

/// <summary>The generated registration and token clients put exactly the documented requests on the wire.</summary>
public sealed class RegistrationWireTests : IAsyncLifetime
{
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task RegisterClientPostsJsonBodyWithDeviceHeaderAndReadsThe201()
    {
        _server.Enqueue(ScriptedResponse.Json(201, """
            {"client_id":"8a3e0e2c-1f6b-4c52-9d5e-0b8f3f1a2c11","client_secret":"0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
             "client_id_issued_at":1700725699585,"redirect_uris":["https://example.com/done"],
             "grant_types":["client_credentials"],"scopes":["api:client:v2"],"future_field":{"x":1}}
            """));
        var client = RestService.For<IRegistrationClient>(_server.CreateClient("/o"));

        var registration = await client.RegisterClientAsync(
            new ClientRegistrationRequest { SoftwareStatement = "header.payload.signature", RedirectUri = "https://example.com/done" },
            xDeviceInfo: "eyJtb2RlbCI6IngifQ==");

        var request = _server.OnlyRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/o/client/register", request.Path);
        Assert.Equal("", request.RawQuery);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("eyJtb2RlbCI6IngifQ==", request.Header("X-Device-Info"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal("""{"software_statement":"header.payload.signature","redirect_uri":"https://example.com/done"}""", request.BodyText);

        Assert.Equal("8a3e0e2c-1f6b-4c52-9d5e-0b8f3f1a2c11", registration.ClientId);
        Assert.Equal(1700725699585L, registration.ClientIdIssuedAt);
        Assert.Equal(["client_credentials"], registration.GrantTypes!);
        Assert.Equal(["api:client:v2"], registration.Scopes!);
    }

    [Fact]
    public async Task RegisterClientOmitsOptionalFieldsAndHeadersThatAreNotSet()
    {
        _server.Enqueue(ScriptedResponse.Json(201, """{"client_id":"a","client_secret":"b"}"""));
        var client = RestService.For<IRegistrationClient>(_server.CreateClient("/o"));

        var registration = await client.RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "s.s.s" });

        var request = _server.OnlyRequest();
        Assert.Equal("""{"software_statement":"s.s.s"}""", request.BodyText);
        Assert.Null(request.Header("X-Device-Info"));
        Assert.Null(registration.RedirectUris);
        Assert.Null(registration.ClientIdIssuedAt);
    }

    [Fact]
    public async Task CreateAccessTokenPostsAFormBodyAndReadsNumericStrings()
    {
        _server.Enqueue(ScriptedResponse.Json(201, """
            {"id":"c2f5","access_token":"eyJhbGciOiJSUzI1NiJ9.x.y","created_at":"1700726648017","expires_in":"21600","token_type":"bearer","extra":[1,2]}
            """));
        var client = RestService.For<ITokenClient>(_server.CreateClient("/o"));

        var token = await client.CreateAccessTokenAsync(new AccessTokenRequest
        {
            GrantType = GrantType.ClientCredentials,
            ClientId = "id with space",
            ClientSecret = "s3cr&t=",
        });

        var request = _server.OnlyRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/o/client/token", request.Path);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("grant_type=client_credentials&client_id=id+with+space&client_secret=s3cr%26t%3D", request.BodyText);
        Assert.Equal("eyJhbGciOiJSUzI1NiJ9.x.y", token.AccessToken);
        Assert.Equal(1700726648017L, token.CreatedAt);
        Assert.Equal(21600, token.ExpiresIn);
        Assert.Equal("bearer", token.TokenType);
    }

    [Fact]
    public async Task OAuthErrorIsARefitApiExceptionWhoseBodyReadsAsOAuthErrorAndNeverShowsTheSecret()
    {
        _server.Enqueue(ScriptedResponse.Json(400, """{"error":"invalid_client","error_description":"unknown client"}"""));
        var client = RestService.For<ITokenClient>(_server.CreateClient("/o"));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.CreateAccessTokenAsync(new AccessTokenRequest
        {
            GrantType = GrantType.ClientCredentials,
            ClientId = "id",
            ClientSecret = "TOP-SECRET-VALUE",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(HttpMethod.Post, ex.HttpMethod);
        Assert.True(ex.TryGetOAuthError(out var error));
        Assert.Equal(OAuthErrorCode.InvalidClient, error.Error);
        Assert.True(error.Error.IsKnown);
        Assert.Equal("unknown client", error.ErrorDescription);
        Assert.Contains("invalid_client", ex.Content, StringComparison.Ordinal);
        Assert.Contains("400", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TOP-SECRET-VALUE", ex.ToString(), StringComparison.Ordinal);
        Assert.Null(ex.RequestContent);
    }

    [Fact]
    public async Task UnknownErrorCodesAreKeptNotRejected()
    {
        _server.Enqueue(ScriptedResponse.Json(400, """{"error":"brand_new_code"}"""));
        var client = RestService.For<IRegistrationClient>(_server.CreateClient("/o"));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "x" }));

        Assert.True(ex.TryGetOAuthError(out var error));
        Assert.Equal("brand_new_code", error.Error.Value);
        Assert.False(error.Error.IsKnown);
    }

    [Fact]
    public async Task Throttling429KeepsTheHtmlBodyAsTextAndIsNotReadAsAnOAuthError()
    {
        _server.Enqueue(new ScriptedResponse(429, "text/html", "<html><body>429 Too Many Requests</body></html>"));
        var client = RestService.For<IRegistrationClient>(_server.CreateClient("/o"));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "x" }));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Contains("Too Many Requests", ex.Content, StringComparison.Ordinal);
        Assert.Equal("text/html", ex.ContentHeaders!.ContentType!.MediaType);
        Assert.False(ex.TryGetOAuthError(out var error));
        Assert.Null(error);
    }

    [Fact]
    public async Task AJsonErrorBodyThatIsNotAnOAuthErrorIsNotReadAsOne()
    {
        _server.Enqueue(ScriptedResponse.Json(400, """["not","an","object"]"""));
        var client = RestService.For<IRegistrationClient>(_server.CreateClient("/o"));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "x" }));

        Assert.False(ex.TryGetOAuthError(out _));
        Assert.Equal("""["not","an","object"]""", ex.Content);
    }

    [Fact]
    public async Task ABrokenSuccessBodyIsRefitsApiExceptionWithTheJsonExceptionInside()
    {
        _server.Enqueue(ScriptedResponse.Json(201, """{"client_id":"a","client_secret":"""));
        var client = RestService.For<IRegistrationClient>(_server.CreateClient("/o"));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "x" }));

        Assert.Equal(HttpStatusCode.Created, ex.StatusCode);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task AMissingRequiredFieldDoesNotThrowByDefault()
    {
        // Real services omit fields; CmuRequiredProperties="strict" restores the exception.
        _server.Enqueue(ScriptedResponse.Json(201, """{"client_id":"a"}"""));
        var client = RestService.For<IRegistrationClient>(_server.CreateClient("/o"));

        var registration = await client.RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "x" });

        Assert.Equal("a", registration.ClientId);
        Assert.Null(registration.ClientSecret);
    }
}
