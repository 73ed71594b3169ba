using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CmuContracts.Emulator.Hosting;

namespace CmuContracts.Emulator.Tests.Infrastructure;

/// <summary>Plain HttpClient helpers over a running emulator (in-process or not): statements, registration, tokens, reports.</summary>
public sealed class EmulatorClient(Uri baseAddress) : IDisposable
{
    public EmulatorClient(AdobePassEmulator emulator)
        : this(emulator.BaseAddress)
    {
    }

    public HttpClient Http { get; } = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<string> StatementAsync(string app = "demo")
    {
        using var response = await Http.GetAsync(new Uri($"emulator/software-statements/{app}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public Task<HttpResponseMessage> RegisterRawAsync(string json, string contentType = "application/json;charset=utf-8")
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return Http.PostAsync(new Uri("o/client/register", UriKind.Relative), content);
    }

    public Task<HttpResponseMessage> RegisterAsync(string statement, string? redirectUri = null) =>
        RegisterRawAsync(JsonSerializer.Serialize(redirectUri is null
            ? new Dictionary<string, string> { ["software_statement"] = statement }
            : new Dictionary<string, string> { ["software_statement"] = statement, ["redirect_uri"] = redirectUri }));

    public async Task<(string ClientId, string ClientSecret)> RegisterClientAsync(string app = "demo")
    {
        using var response = await RegisterAsync(await StatementAsync(app));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (doc.RootElement.GetProperty("client_id").GetString()!, doc.RootElement.GetProperty("client_secret").GetString()!);
    }

    public async Task<HttpResponseMessage> TokenFormAsync(IEnumerable<KeyValuePair<string, string>> form, string? fault = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "o/client/token") { Content = new FormUrlEncodedContent(form) };
        if (fault is not null)
        {
            request.Headers.Add("X-Emulator-Fault", fault);
        }

        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> TokenAsync(string clientId, string clientSecret, string? fault = null) =>
        TokenFormAsync(
            [new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", clientSecret)], fault);

    public async Task<string> AccessTokenAsync(string app = "demo")
    {
        var (id, secret) = await RegisterClientAsync(app);
        using var response = await TokenAsync(id, secret);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("access_token").GetString()!;
    }

    public async Task<HttpResponseMessage> ReportAsync(string pathAndQuery, string? token, string? accept = null, HttpMethod? method = null, string? fault = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, "cmu/v2" + pathAndQuery);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (fault is not null)
        {
            request.Headers.Add("X-Emulator-Fault", fault);
        }

        return await Http.SendAsync(request);
    }

    public async Task<JsonDocument> ReportJsonAsync(string pathAndQuery, string token)
    {
        using var response = await ReportAsync(pathAndQuery, token);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{pathAndQuery}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    public void Dispose() => Http.Dispose();
}
