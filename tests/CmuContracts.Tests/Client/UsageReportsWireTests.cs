using System.Net;
using CmuContracts.AdobePass;
using CmuContracts.Tests.Infrastructure;
using Refit;

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

    private static readonly RefitSettings WithToken = new() { AuthorizationHeaderValueGetter = (_, _) => ValueTask.FromResult("test-token") };

    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task QueryParametersAreEncodedByStyleOneCommaSeparatedMetricsValueFiltersAndBareKeys()
    {
        _server.Enqueue(ScriptedResponse.Json(200, ReportWithLinkArray));
        var client = RestService.For<IUsageReportsClient>(_server.CreateClient("/cmu/v2"), WithToken);

        await client.GetTenantYearMonthDayAsync(
            start: "2024-05",
            end: "2024-05-31T23:59:59",
            limit: 10,
            metrics: ["active-users", "started-sessions"],
            filters: new Dictionary<string, IReadOnlyList<string>>
            {
                ["tenant"] = ["Example Tenant", "B&C"],
                ["channel"] = [],
            });

        var request = _server.OnlyRequest();
        Assert.Equal("GET", request.Method);
        Assert.Equal("/cmu/v2/tenant/year/month/day", request.Path);
        Assert.Equal(
            "?start=2024-05&end=2024-05-31T23%3A59%3A59&limit=10&metrics=active-users,started-sessions&tenant=Example%20Tenant&tenant=B%26C&channel",
            request.RawQuery);
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Equal("Bearer test-token", request.Header("Authorization"));
        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task NotEqualFilterKeysKeepTheirBangAsTheSpecDocuments()
    {
        // The spec: key `mvpd!` with values `a`, `b` is sent as `mvpd!=a&mvpd!=b` ('!' is reserved, so %21 is not equivalent).
        _server.Enqueue(ScriptedResponse.Json(200, ReportWithLinkArray));
        var client = RestService.For<IUsageReportsClient>(_server.CreateClient("/cmu/v2"), WithToken);

        await client.GetTenantYearMonthDayAsync(filters: new Dictionary<string, IReadOnlyList<string>> { ["mvpd!"] = ["a", "b"] });

        Assert.Equal("?mvpd!=a&mvpd!=b", _server.OnlyRequest().RawQuery);
    }

    [Fact]
    public async Task ExtensibleEnumQueryValuesAreSentAsTheirWireValue()
    {
        _server.Enqueue(ScriptedResponse.Json(200, """{"_links":{"self":{"href":"/"}},"report":[]}"""));
        var client = RestService.For<IUsageReportsClient>(_server.CreateClient("/cmu/v2"), WithToken);

        await client.GetTenantAsync(format: ReportFormat.Json);

        Assert.Equal("?format=json", _server.OnlyRequest().RawQuery);
    }

    [Fact]
    public async Task ReadsHALDrillDownArrayNumericStringsAndUnknownFields()
    {
        _server.Enqueue(ScriptedResponse.Json(200, ReportWithLinkArray));
        var client = RestService.For<IUsageReportsClient>(_server.CreateClient("/cmu/v2"), WithToken);

        var report = await client.GetTenantYearMonthDayAsync();

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
    public async Task ReadsASingleDrillDownObject()
    {
        _server.Enqueue(ScriptedResponse.Json(200, """
            {"_links":{"self":{"href":"/cmu/v2/year/month/day/hour/tenant"},"drill-down":{"href":"/cmu/v2/year/month/day/hour/tenant/mvpd","name":"mvpd"}},"report":[]}
            """));
        var client = RestService.For<IUsageReportsClient>(_server.CreateClient("/cmu/v2"), WithToken);

        var report = await client.GetYearMonthDayHourTenantAsync();

        Assert.Equal("mvpd", report.Links.DrillDown!.Link!.Name);
        Assert.Null(report.Links.DrillDown.LinkList);
        Assert.Null(report.Links.RollUp);
        Assert.Empty(report.Report);
    }

    [Fact]
    public async Task CsvMethodAsksForTextCsvAndReturnsTheText()
    {
        _server.Enqueue(new ScriptedResponse(200, "text/csv", "tenant,active-users\nExampleTenant,205\n",
            new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=report__2024-05-01_2024-05-31.csv" }));
        var client = RestService.For<IUsageReportsClient>(_server.CreateClient("/cmu/v2"), WithToken);

        var csv = await client.GetTenantAsCsvAsync(limit: 5);

        var request = _server.OnlyRequest();
        Assert.Equal("/cmu/v2/tenant", request.Path);
        Assert.Equal("text/csv", request.Header("Accept"));
        Assert.Equal("?limit=5", request.RawQuery);
        Assert.Equal("tenant,active-users\nExampleTenant,205\n", csv);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task ErrorStatusesBecomeApiExceptionWithThePlainTextReason(int status)
    {
        _server.Enqueue(new ScriptedResponse(status, "text/plain", "reason " + status));
        var client = RestService.For<IUsageReportsClient>(_server.CreateClient("/cmu/v2"), WithToken);

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetTenantAsync());

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal("reason " + status, ex.Content);
        Assert.Equal("text/plain", ex.ContentHeaders!.ContentType!.MediaType);
        Assert.False(ex.TryGetOAuthError(out _));
    }

    [Fact]
    public async Task CsvErrorsAreApiExceptionToo()
    {
        _server.Enqueue(new ScriptedResponse(406, "text/plain", "not acceptable"));
        var client = RestService.For<IUsageReportsClient>(_server.CreateClient("/cmu/v2"), WithToken);

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetTenantAsCsvAsync());

        Assert.Equal(HttpStatusCode.NotAcceptable, ex.StatusCode);
        Assert.Equal("not acceptable", ex.Content);
    }
}
