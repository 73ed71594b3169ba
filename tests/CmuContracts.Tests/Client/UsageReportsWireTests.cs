using CmuContracts.AdobePass;
using CmuContracts.Tests.Infrastructure;

namespace CmuContracts.Tests.Client;

/// <summary>The generated CMU client: query encoding, content negotiation, HAL links in both shapes, CSV, errors.</summary>
public sealed class UsageReportsWireTests : IAsyncLifetime
{
    private const string ReportWithLinkArray = """
        {"_links":{"self":{"href":"/cmu/v2/tenant/year/month/day?start=2024-05-01T00:00:00&limit=1000"},
                   "roll-up":{"href":"/cmu/v2/tenant/year/month"},
                   "drill-down":[{"href":"/cmu/v2/tenant/year/month/day/mvpd","name":"mvpd"},{"href":"/cmu/v2/tenant/year/month/day/hour","name":"hour"}]},
         "report":[{"tenant":"ExampleTenant","year":"2024","month":"5","day":"14","active-users":"205","started-sessions":17,"bstreams-30":"3"}]}
        """;

    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Query_parameters_are_encoded_by_style_repeated_keys_filters_and_bare_keys()
    {
        _server.Enqueue(ScriptedResponse.Json(200, ReportWithLinkArray));
        var client = new UsageReportsClient(_server.CreateClient("/cmu/v2"));

        await client.GetTenantYearMonthDayAsync(
            start: "2024-05",
            end: "2024-05-31T23:59:59",
            limit: 10,
            metrics: ["active-users", "started-sessions"],
            filters: new Dictionary<string, IReadOnlyList<string>>
            {
                ["tenant"] = ["Example Tenant", "B&C"],
                ["mvpd!"] = ["x"],
                ["channel"] = [],
            });

        var request = _server.OnlyRequest();
        Assert.Equal("GET", request.Method);
        Assert.Equal("/cmu/v2/tenant/year/month/day", request.Path);
        Assert.Equal(
            "?start=2024-05&end=2024-05-31T23%3A59%3A59&limit=10&metrics=active-users&metrics=started-sessions&tenant=Example%20Tenant&tenant=B%26C&mvpd!=x&channel",
            request.RawQuery);
        Assert.Equal("application/hal+json", request.Header("Accept"));
        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task Reads_HAL_drill_down_array_numeric_strings_and_unknown_fields()
    {
        _server.Enqueue(new ScriptedResponse(200, "application/hal+json", ReportWithLinkArray));
        var client = new UsageReportsClient(_server.CreateClient("/cmu/v2"));

        var report = (await client.GetTenantYearMonthDayAsync()).Value;

        Assert.Equal("/cmu/v2/tenant/year/month", report.Links.RollUp!.Href);
        Assert.Null(report.Links.DrillDown!.Link);
        Assert.Equal(["mvpd", "hour"], report.Links.DrillDown.LinkList!.Select(l => l.Name));
        var record = Assert.Single(report.Report);
        Assert.Equal("ExampleTenant", record.Tenant);
        Assert.Equal(2024, record.Year);
        Assert.Equal(205L, record.ActiveUsers);
        Assert.Equal(17L, record.StartedSessions);
        Assert.Equal("3", record.AdditionalProperties!["bstreams-30"].GetString());
    }

    [Fact]
    public async Task Reads_a_single_drill_down_object()
    {
        _server.Enqueue(ScriptedResponse.Json(200, """
            {"_links":{"self":{"href":"/cmu/v2/year/month/day/hour/tenant"},"drill-down":{"href":"/cmu/v2/year/month/day/hour/tenant/mvpd","name":"mvpd"}},"report":[]}
            """));
        var client = new UsageReportsClient(_server.CreateClient("/cmu/v2"));

        var report = (await client.GetYearMonthDayHourTenantAsync()).Value;

        Assert.Equal("mvpd", report.Links.DrillDown!.Link!.Name);
        Assert.Null(report.Links.DrillDown.LinkList);
        Assert.Null(report.Links.RollUp);
        Assert.Empty(report.Report);
    }

    [Fact]
    public async Task Csv_method_asks_for_text_csv_and_returns_the_text_and_headers()
    {
        _server.Enqueue(new ScriptedResponse(200, "text/csv", "tenant,active-users\nExampleTenant,205\n",
            new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=report__2024-05-01_2024-05-31.csv" }));
        var client = new UsageReportsClient(_server.CreateClient("/cmu/v2"));

        var response = await client.GetTenantAsCsvAsync(limit: 5);

        var request = _server.OnlyRequest();
        Assert.Equal("text/csv", request.Header("Accept"));
        Assert.Equal("?limit=5", request.RawQuery);
        Assert.Equal("tenant,active-users\nExampleTenant,205\n", response.Value);
        Assert.Equal("attachment; filename=report__2024-05-01_2024-05-31.csv", response.GetHeader("Content-Disposition"));
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Error_statuses_become_ApiException_with_the_plain_text_reason(int status)
    {
        _server.Enqueue(new ScriptedResponse(status, "text/plain", "reason " + status));
        var client = new UsageReportsClient(_server.CreateClient("/cmu/v2"));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetTenantAsync());

        Assert.Equal(status, ex.StatusCode);
        Assert.True(ex.TryGetError<string>(out var reason));
        Assert.Equal("reason " + status, reason);
        Assert.Equal("reason " + status, ex.RawBody);
    }

    [Fact]
    public async Task Requests_carry_the_operation_and_its_security_for_handlers()
    {
        var seen = new List<(string? Operation, string[]? Security)>();
        var handler = new OptionsProbe(seen) { InnerHandler = new HttpClientHandler() };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(_server.BaseAddress, "/cmu/v2") };
        _server.Enqueue(ScriptedResponse.Json(200, """{"_links":{"self":{"href":"/"}},"report":[]}"""));
        _server.Enqueue(ScriptedResponse.Json(201, """{"client_id":"a","client_secret":"b"}"""));

        await new UsageReportsClient(http).GetRootAsync();
        using var registrationHttp = new HttpClient(new OptionsProbe(seen) { InnerHandler = new HttpClientHandler() }) { BaseAddress = new Uri(_server.BaseAddress, "/o") };
        await new RegistrationClient(registrationHttp).RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "x" });

        Assert.Equal("getRoot", seen[0].Operation);
        Assert.Equal(["http:bearer"], seen[0].Security!);
        Assert.Equal("registerClient", seen[1].Operation);
        Assert.Empty(seen[1].Security!);
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
