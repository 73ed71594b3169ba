using System.Net;
using System.Reflection;
using System.Text.Json;
using CmuContracts.AdobePass;
using CmuContracts.Tests.Infrastructure;
using Refit;

namespace CmuContracts.Tests.Client;

/// <summary>The generated implementations honour the <see cref="RefitSettings"/> hooks the way Refit's own clients do.</summary>
public sealed class RefitSettingsTests : IAsyncLifetime
{
    private const string EmptyReport = """{"_links":{"self":{"href":"/"}},"report":[]}""";
    private const string Registered = """{"client_id":"a","client_secret":"b"}""";
    private const string Token = """{"access_token":"t","expires_in":"60","token_type":"bearer"}""";

    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AuthorizationHeaderValueGetterRunsForTheSecuredReportOperationsOnly()
    {
        var asked = new List<string>();
        var settings = new RefitSettings
        {
            AuthorizationHeaderValueGetter = (request, _) =>
            {
                request.Options.TryGetValue(new HttpRequestOptionsKey<string>(HttpRequestMessageOptions.MethodName), out var method);
                asked.Add(method!);
                return ValueTask.FromResult("token-" + asked.Count);
            },
        };
        _server.Enqueue(ScriptedResponse.Json(201, Registered));
        _server.Enqueue(ScriptedResponse.Json(201, Token));
        _server.Enqueue(ScriptedResponse.Json(200, EmptyReport));
        _server.Enqueue(ScriptedResponse.Json(200, EmptyReport));
        _server.Enqueue(new ScriptedResponse(200, "text/csv", "tenant\n"));

        await RestService.For<IRegistrationClient>(_server.CreateClient("/o"), settings).RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "s" });
        await RestService.For<ITokenClient>(_server.CreateClient("/o"), settings).CreateAccessTokenAsync(new AccessTokenRequest
        {
            GrantType = GrantType.ClientCredentials,
            ClientId = "id",
            ClientSecret = "secret",
        });
        var reports = RestService.For<IUsageReportsClient>(_server.CreateClient("/cmu/v2"), settings);
        await reports.GetRootAsync();
        await reports.GetTenantYearAsync();
        await reports.GetTenantAsCsvAsync();

        Assert.Equal(["GetRootAsync", "GetTenantYearAsync", "GetTenantAsCsvAsync"], asked);
        Assert.Equal(
            [null, null, "Bearer token-1", "Bearer token-2", "Bearer token-3"],
            _server.Requests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public void EveryReportOperationDeclaresTheBearerHeaderAndNoRegistrationOrTokenOperationDoes()
    {
        // The getter is wired by [Headers("Authorization: Bearer")]; check the declaration on every method.
        static bool Bearer(MethodInfo m) => m.GetCustomAttribute<HeadersAttribute>()?.Headers.Contains("Authorization: Bearer") == true;

        Assert.All(typeof(IUsageReportsClient).GetMethods(), m => Assert.True(Bearer(m), m.Name));
        Assert.All(typeof(IRegistrationClient).GetMethods().Concat(typeof(ITokenClient).GetMethods()), m => Assert.False(Bearer(m), m.Name));
    }

    [Fact]
    public async Task ExceptionFactoryDecidesWhatANonSuccessStatusThrows()
    {
        HttpStatusCode? seen = null;
        var settings = new RefitSettings
        {
            ExceptionFactory = response =>
            {
                seen = response.StatusCode;
                return ValueTask.FromResult<Exception?>(response.IsSuccessStatusCode ? null : new ReportUnavailableException((int)response.StatusCode));
            },
        };
        _server.Enqueue(new ScriptedResponse(503, "text/plain", "maintenance"));
        var client = RestService.For<IUsageReportsClient>(_server.CreateClient("/cmu/v2"), settings);

        var ex = await Assert.ThrowsAsync<ReportUnavailableException>(() => client.GetTenantAsync());

        Assert.Equal(503, ex.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, seen);
    }

    [Fact]
    public async Task ExceptionFactoryIsConsultedForSuccessTooAndNullLetsTheBodyThrough()
    {
        var calls = 0;
        var settings = new RefitSettings { ExceptionFactory = _ => { calls++; return ValueTask.FromResult<Exception?>(null); } };
        _server.Enqueue(ScriptedResponse.Json(201, Registered));
        var client = RestService.For<IRegistrationClient>(_server.CreateClient("/o"), settings);

        var registration = await client.RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "s" });

        Assert.Equal("a", registration.ClientId);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task DeserializationExceptionFactoryDecidesWhatAMalformedSuccessBodyThrows()
    {
        Exception? cause = null;
        var settings = new RefitSettings
        {
            DeserializationExceptionFactory = (response, exception) =>
            {
                cause = exception;
                return ValueTask.FromResult<Exception?>(new ReportUnavailableException((int)response.StatusCode));
            },
        };
        _server.Enqueue(ScriptedResponse.Json(200, """{"_links":{"self":{"href":"/"}},"report":"not-a-list"}"""));
        var client = RestService.For<IUsageReportsClient>(_server.CreateClient("/cmu/v2"), settings);

        var ex = await Assert.ThrowsAsync<ReportUnavailableException>(() => client.GetTenantAsync());

        Assert.Equal(200, ex.Status);
        Assert.IsAssignableFrom<JsonException>(cause);
    }

    [Theory]
    [InlineData("""{"_links":{"self":{"href":"/"}},"report":"not-a-list"}""")]
    [InlineData("""{"_links":{"self":{"href":"/"}},"report":[{"active-users":"many"}]}""")]
    [InlineData("""{"_links":{"self":{"href":"/"}},"report":[{"active-users":99999999999999999999999}]}""")]
    [InlineData("""{"_links":{"self":""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""<html>oops</html>""")]
    public async Task AMalformedSuccessBodyIsRefitsApiExceptionByDefault(string body)
    {
        _server.Enqueue(ScriptedResponse.Json(200, body));
        var client = RestService.For<IUsageReportsClient>(_server.CreateClient("/cmu/v2"), new RefitSettings());

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetTenantAsync());

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.NotNull(ex.InnerException);
        Assert.True(ex.InnerException is JsonException or FormatException or OverflowException, ex.InnerException!.GetType().FullName);
    }

    [Fact]
    public async Task UrlParameterFormatterFormatsTheQueryValues()
    {
        var settings = new RefitSettings { UrlParameterFormatter = new TaggingFormatter() };
        _server.Enqueue(ScriptedResponse.Json(200, EmptyReport));
        var client = RestService.For<IUsageReportsClient>(_server.CreateClient("/cmu/v2"), settings);

        await client.GetTenantAsync(start: "2024-05", limit: 7, format: ReportFormat.Json, metrics: ["active-users", "started-sessions"]);

        // metrics is allowReserved: its runtime query converter writes the names as they are, not through the formatter.
        Assert.Equal(
            "?start=fmt-2024-05&format=fmt-json&limit=fmt-7&metrics=active-users,started-sessions",
            _server.OnlyRequest().RawQuery);
    }

    [Fact]
    public async Task OperationIdSecurityAndRefitMethodNameAreVisibleToADelegatingHandler()
    {
        var seen = new List<(string? Operation, string[]? Security, string? Method)>();
        _server.Enqueue(ScriptedResponse.Json(200, EmptyReport));
        _server.Enqueue(ScriptedResponse.Json(201, Registered));
        _server.Enqueue(ScriptedResponse.Json(201, Token));
        var settings = new RefitSettings { AuthorizationHeaderValueGetter = (_, _) => ValueTask.FromResult("t") };

        await RestService.For<IUsageReportsClient>(ProbedClient(seen, "/cmu/v2"), settings).GetRootAsync();
        await RestService.For<IRegistrationClient>(ProbedClient(seen, "/o"), settings).RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "x" });
        await RestService.For<ITokenClient>(ProbedClient(seen, "/o"), settings).CreateAccessTokenAsync(new AccessTokenRequest
        {
            GrantType = GrantType.ClientCredentials,
            ClientId = "id",
            ClientSecret = "secret",
        });

        Assert.Equal(("getRoot", "GetRootAsync"), (seen[0].Operation, seen[0].Method));
        Assert.Equal(["http:bearer"], seen[0].Security!);
        Assert.Equal(("registerClient", "RegisterClientAsync"), (seen[1].Operation, seen[1].Method));
        Assert.Empty(seen[1].Security!);
        Assert.Equal(("createAccessToken", "CreateAccessTokenAsync"), (seen[2].Operation, seen[2].Method));
        Assert.Empty(seen[2].Security!);
    }

    private HttpClient ProbedClient(List<(string?, string[]?, string?)> seen, string basePath) =>
        new(new OptionsProbe(seen) { InnerHandler = new HttpClientHandler() }) { BaseAddress = new Uri(_server.BaseAddress, basePath) };

    private sealed class OptionsProbe(List<(string?, string[]?, string?)> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Options.TryGetValue(ApiRequestOptions.OperationId, out var operation);
            request.Options.TryGetValue(ApiRequestOptions.Security, out var security);
            request.Options.TryGetValue(new HttpRequestOptionsKey<string>(HttpRequestMessageOptions.MethodName), out var method);
            seen.Add((operation, security, method));
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Marks every value it formats, so the test sees which values went through it.</summary>
    private sealed class TaggingFormatter : IUrlParameterFormatter
    {
        public string? Format(object? value, ICustomAttributeProvider attributeProvider, Type type) =>
            value is null ? null : "fmt-" + value;
    }

    private sealed class ReportUnavailableException(int status) : Exception("report unavailable: HTTP " + status)
    {
        public int Status { get; } = status;
    }
}
