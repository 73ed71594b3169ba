using CmuContracts.AdobePass;
using CmuContracts.Tests.Infrastructure;
using Refit;

namespace CmuContracts.Tests.Client;

/// <summary>
/// The generated raw variants (<c>…RawAsync</c>) send the request their reading method sends, security marker
/// included, and hand the response over unread whatever its status: a streaming caller builds no request itself.
/// </summary>
public sealed class RawVariantWireTests : IAsyncLifetime
{
    private const string EmptyReport = """{"_links":{"self":{"href":"/"}},"report":[]}""";

    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ARawVariantSendsTheRequestOfItsReadingMethod()
    {
        _server.Enqueue(ScriptedResponse.Json(200, EmptyReport));
        _server.Enqueue(ScriptedResponse.Json(200, EmptyReport));
        _server.Enqueue(new ScriptedResponse(200, "text/csv", "tenant\n"));
        _server.Enqueue(new ScriptedResponse(200, "text/csv", "tenant\n"));
        var seen = new List<(string? Operation, string[]? Security)>();
        var client = RestService.For<IUsageReportsClient>(
            new HttpClient(new OptionsProbe(seen) { InnerHandler = new HttpClientHandler() }) { BaseAddress = new Uri(_server.BaseAddress, "/cmu/v2") },
            new RefitSettings { AuthorizationHeaderValueGetter = (_, _) => ValueTask.FromResult("t") });
        Dictionary<string, IReadOnlyList<string>> filters = new() { ["mvpd!"] = ["a b"], ["channel"] = [] };

        await client.GetTenantYearAsync("2025-05", "2025-06", ReportFormat.Json, 10, ["active-users", "started-sessions"], filters);
        using (await client.GetTenantYearRawAsync("2025-05", "2025-06", ReportFormat.Json, 10, ["active-users", "started-sessions"], filters))
        {
        }

        await client.GetTenantYearAsCsvAsync("2025-05", format: ReportFormat.Csv, filters: filters);
        using (await client.GetTenantYearAsCsvRawAsync("2025-05", format: ReportFormat.Csv, filters: filters))
        {
        }

        var requests = _server.Requests;
        Assert.Equal(4, requests.Count);
        foreach (var (reading, raw) in new[] { (requests[0], requests[1]), (requests[2], requests[3]) })
        {
            Assert.Equal((reading.Method, reading.Path, reading.RawQuery), (raw.Method, raw.Path, raw.RawQuery));
            Assert.Equal(reading.Header("Accept"), raw.Header("Accept"));
            Assert.Equal("Bearer t", raw.Header("Authorization"));
        }

        Assert.Equal("?start=2025-05&end=2025-06&format=json&limit=10&metrics=active-users,started-sessions&mvpd!=a%20b&channel", requests[1].RawQuery);
        Assert.Equal("text/csv", requests[3].Header("Accept"));
        Assert.All(seen, s => Assert.Equal(("getTenantYear", "http:bearer"), (s.Operation, Assert.Single(s.Security!))));
    }

    [Fact]
    public async Task ARawVariantHandsANonSuccessAnswerOverUnread()
    {
        _server.Enqueue(new ScriptedResponse(503, "text/plain", "busy"));
        var client = RestService.For<IUsageReportsClient>(_server.CreateClient("/cmu/v2"), new RefitSettings { AuthorizationHeaderValueGetter = (_, _) => ValueTask.FromResult("t") });

        using var response = await client.GetRootRawAsync();

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal("busy", await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", _server.OnlyRequest().Header("Accept"));
    }

    private sealed class OptionsProbe(List<(string?, string[]?)> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Options.TryGetValue(ApiRequestOptions.OperationId, out var operation);
            request.Options.TryGetValue(ApiRequestOptions.Security, out var security);
            seen.Add((operation, security));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
