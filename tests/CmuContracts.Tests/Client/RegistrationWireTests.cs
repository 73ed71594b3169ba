using System.Text.Json;
using CmuContracts.AdobePass;
using CmuContracts.Tests.Infrastructure;

namespace CmuContracts.Tests.Client;

/// <summary>The generated registration and token clients put exactly the documented requests on the wire.</summary>
public sealed class RegistrationWireTests : IAsyncLifetime
{
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task RegisterClient_posts_json_body_with_device_header_and_reads_the_201()
    {
        _server.Enqueue(ScriptedResponse.Json(201, """
            {"client_id":"8a3e0e2c-1f6b-4c52-9d5e-0b8f3f1a2c11","client_secret":"0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
             "client_id_issued_at":1700725699585,"redirect_uris":["https://example.com/done"],
             "grant_types":["client_credentials"],"scopes":["api:client:v2"],"future_field":{"x":1}}
            """));
        var client = new RegistrationClient(_server.CreateClient("/o"));

        var response = await client.RegisterClientAsync(
            new ClientRegistrationRequest { SoftwareStatement = "header.payload.signature", RedirectUri = "https://example.com/done" },
            xDeviceInfo: "eyJtb2RlbCI6IngifQ==");

        var request = _server.OnlyRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/o/client/register", request.Path);
        Assert.Equal("", request.RawQuery);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("eyJtb2RlbCI6IngifQ==", request.Header("X-Device-Info"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Equal("""{"software_statement":"header.payload.signature","redirect_uri":"https://example.com/done"}""", request.BodyText);

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("8a3e0e2c-1f6b-4c52-9d5e-0b8f3f1a2c11", response.Value.ClientId);
        Assert.Equal(1700725699585L, response.Value.ClientIdIssuedAt);
        Assert.Equal(["client_credentials"], response.Value.GrantTypes!);
        Assert.Equal(["api:client:v2"], response.Value.Scopes!);
    }

    [Fact]
    public async Task RegisterClient_omits_optional_fields_and_headers_that_are_not_set()
    {
        _server.Enqueue(ScriptedResponse.Json(201, """{"client_id":"a","client_secret":"b"}"""));
        var client = new RegistrationClient(_server.CreateClient("/o"));

        var response = await client.RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "s.s.s" });

        var request = _server.OnlyRequest();
        Assert.Equal("""{"software_statement":"s.s.s"}""", request.BodyText);
        Assert.Null(request.Header("X-Device-Info"));
        Assert.Null(response.Value.RedirectUris);
        Assert.Null(response.Value.ClientIdIssuedAt);
    }

    [Fact]
    public async Task CreateAccessToken_posts_a_form_body_and_reads_numeric_strings()
    {
        _server.Enqueue(ScriptedResponse.Json(201, """
            {"id":"c2f5","access_token":"eyJhbGciOiJSUzI1NiJ9.x.y","created_at":"1700726648017","expires_in":"21600","token_type":"bearer","extra":[1,2]}
            """));
        var client = new TokenClient(_server.CreateClient("/o"));

        var response = await client.CreateAccessTokenAsync(new AccessTokenRequest
        {
            GrantType = AccessTokenRequestGrantType.ClientCredentials,
            ClientId = "id with space",
            ClientSecret = "s3cr&t=",
        });

        var request = _server.OnlyRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/o/client/token", request.Path);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("grant_type=client_credentials&client_id=id+with+space&client_secret=s3cr%26t%3D", request.BodyText);
        Assert.Equal(1700726648017L, response.Value.CreatedAt);
        Assert.Equal(21600, response.Value.ExpiresIn);
        Assert.Equal("bearer", response.Value.TokenType);
    }

    [Fact]
    public async Task OAuth_error_becomes_ApiException_with_the_parsed_error_and_raw_body()
    {
        _server.Enqueue(ScriptedResponse.Json(400, """{"error":"invalid_client","error_description":"unknown client"}"""));
        var client = new TokenClient(_server.CreateClient("/o"));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.CreateAccessTokenAsync(new AccessTokenRequest
        {
            GrantType = AccessTokenRequestGrantType.ClientCredentials,
            ClientId = "id",
            ClientSecret = "TOP-SECRET-VALUE",
        }));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("createAccessToken", ex.OperationId);
        Assert.True(ex.TryGetError<OAuthError>(out var error));
        Assert.Equal(OAuthErrorError.InvalidClient, error.Error);
        Assert.True(error.Error.IsKnown);
        Assert.Contains("invalid_client", ex.RawBody);
        Assert.Contains("HTTP 400", ex.Message);
        Assert.DoesNotContain("TOP-SECRET-VALUE", ex.Message);
    }

    [Fact]
    public async Task Unknown_error_codes_are_kept_not_rejected()
    {
        _server.Enqueue(ScriptedResponse.Json(400, """{"error":"brand_new_code"}"""));
        var client = new RegistrationClient(_server.CreateClient("/o"));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "x" }));

        Assert.True(ex.TryGetError<OAuthError>(out var error));
        Assert.Equal("brand_new_code", error.Error.Value);
        Assert.False(error.Error.IsKnown);
    }

    [Fact]
    public async Task Throttling_429_keeps_the_html_body_as_the_error()
    {
        _server.Enqueue(new ScriptedResponse(429, "text/html", "<html><body>429 Too Many Requests</body></html>"));
        var client = new RegistrationClient(_server.CreateClient("/o"));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "x" }));

        Assert.Equal(429, ex.StatusCode);
        Assert.True(ex.TryGetError<string>(out var html));
        Assert.Contains("Too Many Requests", html);
        Assert.Contains("wait before retrying", ex.Message);
    }

    [Fact]
    public async Task A_broken_success_body_is_a_typed_exception_that_says_what_was_wrong()
    {
        _server.Enqueue(ScriptedResponse.Json(201, """{"client_id":"a","client_secret":"""));
        var client = new RegistrationClient(_server.CreateClient("/o"));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "x" }));

        Assert.Equal(201, ex.StatusCode);
        Assert.Contains("could not be read as ClientRegistration", ex.Message);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.Equal("""{"client_id":"a","client_secret":""", ex.RawBody);
    }

    [Fact]
    public async Task A_missing_required_field_is_reported_by_name()
    {
        _server.Enqueue(ScriptedResponse.Json(201, """{"client_id":"a"}"""));
        var client = new RegistrationClient(_server.CreateClient("/o"));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "x" }));

        Assert.Contains("'client_secret'", ex.Message);
    }
}
