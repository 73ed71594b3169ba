using CmuContracts.AdobePass;
using CmuContracts.Tests.Infrastructure;
using Refit;
using ReportOperation = CmuContracts.AdobePass.ApiOperation<
    CmuContracts.AdobePass.IUsageReportsClient,
    CmuContracts.AdobePass.UsageReportsOperations.GetRootArguments,
    System.Threading.Tasks.Task<CmuContracts.AdobePass.UsageReport>>;

namespace CmuContracts.Tests.Client;

/// <summary>
/// The generated operation index: from a path to a typed call, for every operation sharing one parameter shape,
/// with the metadata the spec declares; no table written by hand.
/// </summary>
public sealed class OperationIndexTests : IAsyncLifetime
{
    private const string EmptyReport = """{"_links":{"self":{"href":"/"}},"report":[{"tenant":"t1","active-users":"3"}]}""";

    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void EveryReportOperationSharesTheReportArguments()
    {
        var reports = UsageReportsOperations.All.OfType<ReportOperation>().ToList();

        Assert.Equal(UsageReportsOperations.All.Count, reports.Count);
        Assert.Equal(114, reports.Count);
        Assert.All(reports, op => Assert.Equal("GET", op.HttpMethod));
        Assert.Equal(reports.Count, reports.Select(op => op.PathTemplate).Distinct(StringComparer.Ordinal).Count());
        Assert.Same(UsageReportsOperations.GetTenantYearMonth, UsageReportsOperations.Find("get", "/tenant/year/month"));
        Assert.Null(UsageReportsOperations.Find("GET", "/tenant/occurrences"));
    }

    [Fact]
    public void AnOperationDescribesItsParametersAndMediaTypes()
    {
        var op = UsageReportsOperations.GetRoot;

        Assert.Equal(("getRoot", "/", "application/json"), (op.OperationId, op.PathTemplate, op.MediaType));
        Assert.Equal(
            ["Query start Start False", "Query end End False", "Query format Format False", "Query limit Limit False", "Query metrics Metrics False", "Query filters Filters False"],
            op.Parameters.Select(p => $"{p.Location} {p.Name} {p.PropertyName} {p.IsRequired}"));
        Assert.Equal("text/csv", Assert.Single(op.Alternatives).MediaType);
        Assert.Equal(["http:bearer"], op.Security);
        Assert.Empty(TokenOperations.CreateAccessToken.Security);
        var body = Assert.Single(TokenOperations.CreateAccessToken.Parameters, p => p.Location == ApiParameterLocation.Body);
        Assert.True(body.IsRequired);
    }

    [Fact]
    public async Task AnIndexedOperationInvokesItsMethodAndItsRawVariant()
    {
        _server.Enqueue(ScriptedResponse.Json(200, EmptyReport));
        _server.Enqueue(ScriptedResponse.Json(200, EmptyReport));
        _server.Enqueue(new ScriptedResponse(200, "text/csv", "tenant,active-users\nt1,3\n"));
        var client = RestService.For<IUsageReportsClient>(_server.CreateClient("/cmu/v2"), new RefitSettings { AuthorizationHeaderValueGetter = (_, _) => ValueTask.FromResult("t") });
        var op = (ReportOperation)UsageReportsOperations.Find("GET", "/tenant")!;
        var arguments = new UsageReportsOperations.GetRootArguments { Start = "2025-05", Metrics = ["active-users"], Filters = new Dictionary<string, IReadOnlyList<string>> { ["mvpd"] = ["m"] } };

        var report = await op.InvokeAsync(client, arguments);
        using var raw = await op.SendAsync(client, arguments);
        using var csv = await op.Alternatives.Single().SendAsync(client, arguments);

        Assert.Equal("t1", Assert.Single(report.Report!).Tenant);
        Assert.Equal(EmptyReport, await raw.Content.ReadAsStringAsync());
        Assert.Equal("tenant,active-users\nt1,3\n", await csv.Content.ReadAsStringAsync());
        Assert.All(_server.Requests, r => Assert.Equal(("/cmu/v2/tenant", "?start=2025-05&metrics=active-users&mvpd=m", "Bearer t"), (r.Path, r.RawQuery, r.Header("Authorization"))));
        Assert.Equal(["application/json", "application/json", "text/csv"], _server.Requests.Select(r => r.Header("Accept")));
    }
}
