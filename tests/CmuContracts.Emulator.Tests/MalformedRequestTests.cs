using System.Net;
using System.Text;
using System.Text.Json;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests;

/// <summary>Oversized and hostile requests get the documented 400 shapes, never a 500 or an empty body.</summary>
public sealed class MalformedRequestTests(SharedEmulatorFixture fixture) : IClassFixture<SharedEmulatorFixture>
{
    private EmulatorClient Client => fixture.Client;

    /// <summary>Form bodies over each limit: a 5-10 MB value (over the body limit), a 100 KB value, 2,500 keys, a 3,000-character key.</summary>
    public static TheoryData<string, string> OversizedForms => new()
    {
        { "8 MB value", "grant_type=client_credentials&client_id=" + new string('a', 8 * 1024 * 1024) },
        { "5 MB value", "client_secret=" + new string('s', 5 * 1024 * 1024) },
        { "100 KB value", "grant_type=client_credentials&client_id=" + new string('a', 100 * 1024) },
        { "2,500 keys", string.Join('&', Enumerable.Range(0, 2500).Select(i => $"k{i}=v")) },
        { "3,000-character key", new string('k', 3000) + "=v&grant_type=client_credentials" },
    };

    private static async Task AssertOAuthErrorAsync(HttpResponseMessage response, string code = "invalid_request")
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal(code, doc.RootElement.GetProperty("error").GetString());
    }

    private static StringContent Form(string body) => new(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    [Theory]
    [MemberData(nameof(OversizedForms))]
    public async Task TokenEndpointAnswersOversizedFormsWithInvalidRequest(string name, string body)
    {
        using var response = await Client.Http.PostAsync(new Uri("o/client/token", UriKind.Relative), Form(body));

        Assert.False(string.IsNullOrEmpty(name));
        await AssertOAuthErrorAsync(response);
    }

    [Theory]
    [MemberData(nameof(OversizedForms))]
    public async Task RegistrationAnswersOversizedFormsWithInvalidRequest(string name, string body)
    {
        using var response = await Client.Http.PostAsync(new Uri("o/client/register", UriKind.Relative), Form(body));

        Assert.False(string.IsNullOrEmpty(name));
        await AssertOAuthErrorAsync(response);
    }

    [Theory]
    [InlineData(8 * 1024 * 1024, 1)]
    [InlineData(100, 2500)]
    [InlineData(3000, 1)]
    public async Task RegistrationAnswersOversizedJsonWithInvalidRequest(int keyOrValueLength, int keys)
    {
        // One key with a huge value, or many keys, or one huge key; none carries a software_statement.
        var json = keys > 1
            ? "{" + string.Join(',', Enumerable.Range(0, keys).Select(i => $"\"k{i}\":\"{new string('v', keyOrValueLength)}\"")) + "}"
            : keyOrValueLength > 4096
                ? "{\"note\":\"" + new string('a', keyOrValueLength) + "\"}"
                : "{\"" + new string('k', keyOrValueLength) + "\":\"v\"}";

        using var response = await Client.RegisterRawAsync(json);

        await AssertOAuthErrorAsync(response);
    }

    [Fact]
    public async Task MultipartTokenBodyIsInvalidRequest()
    {
        using var content = new MultipartFormDataContent { { new StringContent("client_credentials"), "grant_type" } };

        using var response = await Client.Http.PostAsync(new Uri("o/client/token", UriKind.Relative), content);

        await AssertOAuthErrorAsync(response);
    }

    [Fact]
    public async Task BrokenMultipartTokenBodyIsInvalidRequest()
    {
        using var content = new StringContent("--x\r\nnot a part", Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data");

        using var response = await Client.Http.PostAsync(new Uri("o/client/token", UriKind.Relative), content);

        await AssertOAuthErrorAsync(response);
    }

    [Fact]
    public async Task TheServerStillServesAfterOversizedBodies()
    {
        using (await Client.Http.PostAsync(new Uri("o/client/token", UriKind.Relative), Form("client_id=" + new string('a', 8 * 1024 * 1024))))
        {
        }

        var (id, secret) = await Client.RegisterClientAsync();
        using var token = await Client.TokenAsync(id, secret);

        Assert.Equal(HttpStatusCode.Created, token.StatusCode);
    }

    [Theory]
    [InlineData("2,500 keys")]
    [InlineData("3,000-character key")]
    [InlineData("bad escapes")]
    public async Task CmuAnswersHostileQueriesWithAPlainTextReason(string name)
    {
        var query = name switch
        {
            "2,500 keys" => string.Join('&', Enumerable.Range(0, 2500).Select(i => $"k{i}")),
            "3,000-character key" => new string('k', 3000) + "=v",
            _ => "start=%zz&%E0%A4%A=1",
        };

        using var response = await Client.ReportAsync("/tenant?" + query, fixture.Token);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(body));
    }

    [Fact]
    public async Task BodiesOverTheConfiguredBodyLimitAreInvalidRequest()
    {
        var options = SharedEmulatorFixture.Options();
        options.RequestLimits.MaxBodyBytes = 4096;
        await using var emulator = await AdobePassEmulator.StartAsync(options);
        using var client = new EmulatorClient(emulator);
        var statement = await client.StatementAsync();

        using var token = await client.Http.PostAsync(new Uri("o/client/token", UriKind.Relative), Form("client_id=" + new string('a', 8000)));
        using var register = await client.RegisterRawAsync("{\"software_statement\":\"" + statement + "\",\"x\":\"" + new string('x', 8000) + "\"}");
        using var fits = await client.RegisterRawAsync("{\"software_statement\":\"" + statement + "\"}");

        await AssertOAuthErrorAsync(token);
        await AssertOAuthErrorAsync(register);
        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
    }

    [Fact]
    public async Task FormLimitsAreConfigurable()
    {
        var options = SharedEmulatorFixture.Options();
        options.RequestLimits.MaxFormValueLength = 64;
        await using var emulator = await AdobePassEmulator.StartAsync(options);
        using var client = new EmulatorClient(emulator);
        var (id, _) = await client.RegisterClientAsync();

        using var longSecret = await client.TokenAsync(id, new string('s', 65));
        using var shortSecret = await client.TokenAsync(id, new string('s', 64));

        await AssertOAuthErrorAsync(longSecret);
        await AssertOAuthErrorAsync(shortSecret, "invalid_client");
    }

    [Fact]
    public void RequestLimitsAreValidated()
    {
        var options = new EmulatorOptions { RequestLimits = { MaxBodyBytes = 10, MaxRequestLineBytes = 0 }, ReportLimits = { MaxRows = 0 } };

        var errors = EmulatorOptionsValidator.Validate(options);

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains("MaxBodyBytes", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("MaxRequestLineBytes", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("MaxRows", StringComparison.Ordinal));
    }
}
