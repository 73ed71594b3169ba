using System.Net;
using System.Reflection;
using CmuContracts.AdobePass;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using Refit;

namespace CmuContracts.Emulator.Tests.Conformance;

/// <summary>
/// The client generated from spec/ (src/CmuContracts) reads every emulator response of every spec
/// operation through Refit's entry points: registration and token 201s, every CMU report as HAL JSON and
/// as CSV (the bearer token comes from <see cref="RefitSettings.AuthorizationHeaderValueGetter"/>), and the
/// errors as Refit's <see cref="ApiException"/>.
/// </summary>
public sealed class GeneratedClientConformanceTests : IAsyncLifetime
{
    private AdobePassEmulator _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = new ThrottleOptions { Enabled = false } });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task EveryReportOperationReadsAsHALJSONAndAsCSV()
    {
        var responses = new ResponseHeaderProbe { InnerHandler = new HttpClientHandler() };
        using var http = new HttpClient(responses) { BaseAddress = _emulator.CmuBaseAddress };
        var client = RestService.For<IUsageReportsClient>(http, await AuthorizedSettingsAsync());
        // The reading methods (each also has a raw variant, …RawAsync, which sends the same request).
        var methods = typeof(IUsageReportsClient).GetMethods().Where(m => !m.Name.EndsWith("RawAsync", StringComparison.Ordinal)).ToList();
        var json = methods.Where(m => !m.Name.EndsWith("AsCsvAsync", StringComparison.Ordinal)).ToList();
        var csv = methods.Where(m => m.Name.EndsWith("AsCsvAsync", StringComparison.Ordinal)).ToList();
        Assert.Equal(114, json.Count);
        Assert.Equal(114, csv.Count);

        var singleDrillDowns = 0;
        var arrayDrillDowns = 0;
        foreach (var method in json)
        {
            var report = await InvokeAsync<UsageReport>(client, method);
            Assert.False(string.IsNullOrEmpty(report.Links.Self.Href), method.Name);
            if (report.Links.DrillDown is { } drillDown)
            {
                Assert.True(drillDown.Link is not null ^ drillDown.LinkList is not null, method.Name + ": a drill-down must read as exactly one shape");
                singleDrillDowns += drillDown.Link is null ? 0 : 1;
                arrayDrillDowns += drillDown.LinkList is null ? 0 : 1;
            }
        }

        foreach (var method in csv)
        {
            var text = await InvokeAsync<string>(client, method);
            Assert.False(string.IsNullOrEmpty(text), method.Name);
            Assert.Equal("text/csv", responses.LastContentType);
            Assert.StartsWith("attachment; filename=report__", responses.LastContentDisposition, StringComparison.Ordinal);
        }

        Assert.True(singleDrillDowns > 0, "no report had a single drill-down object");
        Assert.True(arrayDrillDowns > 0, "no report had a drill-down array");
    }

    [Fact]
    public async Task ReportRecordsReadWithNumericStringsAndFiltersNarrowThem()
    {
        using var http = new HttpClient { BaseAddress = _emulator.CmuBaseAddress };
        var client = RestService.For<IUsageReportsClient>(http, await AuthorizedSettingsAsync());

        var all = await client.GetTenantYearMonthDayAsync(start: "2026-10-01", end: "2026-10-03");
        var tenant = all.Report[0].Tenant!;
        var one = await client.GetTenantYearMonthDayAsync(start: "2026-10-01", end: "2026-10-03",
            filters: new Dictionary<string, IReadOnlyList<string>> { ["tenant"] = [tenant] });
        var others = await client.GetTenantYearMonthDayAsync(start: "2026-10-01", end: "2026-10-03",
            filters: new Dictionary<string, IReadOnlyList<string>> { ["tenant!"] = [tenant] });

        Assert.All(all.Report, r => Assert.NotNull(r.ActiveUsers));
        Assert.All(one.Report, r => Assert.Equal(tenant, r.Tenant));
        Assert.DoesNotContain(others.Report, r => r.Tenant == tenant);
        Assert.Equal(all.Report.Count, one.Report.Count + others.Report.Count);
    }

    [Fact]
    public async Task RegistrationAndTokenErrorsReadAsTypedOAuthErrors()
    {
        using var http = new HttpClient { BaseAddress = _emulator.RegistrationBaseAddress };
        var registration = RestService.For<IRegistrationClient>(http);
        var tokens = RestService.For<ITokenClient>(http);

        var badStatement = await Assert.ThrowsAsync<ApiException>(() => registration.RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "not-a-jwt" }));
        var badClient = await Assert.ThrowsAsync<ApiException>(() => tokens.CreateAccessTokenAsync(new AccessTokenRequest
        {
            GrantType = GrantType.ClientCredentials,
            ClientId = Guid.NewGuid().ToString(),
            ClientSecret = "wrong",
        }));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (badStatement.StatusCode, badClient.StatusCode));
        Assert.True(badStatement.TryGetOAuthError(out var statementError));
        Assert.Equal(OAuthErrorCode.InvalidSoftwareStatement, statementError.Error);
        Assert.True(badClient.TryGetOAuthError(out var clientError));
        Assert.Equal(OAuthErrorCode.InvalidClient, clientError.Error);
    }

    [Fact]
    public async Task ReportErrorsReadAsApiExceptionWithThePlainTextReason()
    {
        using var http = new HttpClient { BaseAddress = _emulator.CmuBaseAddress };
        // An empty token makes Refit drop the declared Authorization header: an anonymous call.
        var anonymous = RestService.For<IUsageReportsClient>(http, new RefitSettings { AuthorizationHeaderValueGetter = (_, _) => ValueTask.FromResult(string.Empty) });
        var noAccess = RestService.For<IUsageReportsClient>(http, await AuthorizedSettingsAsync("no-cmu"));
        var authorized = RestService.For<IUsageReportsClient>(http, await AuthorizedSettingsAsync());

        var unauthorized = await Assert.ThrowsAsync<ApiException>(() => anonymous.GetTenantAsync());
        var forbidden = await Assert.ThrowsAsync<ApiException>(() => noAccess.GetTenantAsync());
        var badRequest = await Assert.ThrowsAsync<ApiException>(() => authorized.GetTenantAsync(limit: -5));
        // format=xml outranks the JSON Accept [D]: the XML answer is not read as JSON, it fails loudly.
        var xmlForJson = await Assert.ThrowsAsync<ApiException>(() => authorized.GetTenantAsync(format: ReportFormat.Xml));
        var csvBadRequest = await Assert.ThrowsAsync<ApiException>(() => authorized.GetTenantAsCsvAsync(limit: -5));

        Assert.Equal(
            (HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.BadRequest),
            (unauthorized.StatusCode, forbidden.StatusCode, badRequest.StatusCode, xmlForJson.StatusCode, csvBadRequest.StatusCode));
        Assert.Equal("application/xml", xmlForJson.ContentHeaders?.ContentType?.MediaType);
        Assert.NotNull(xmlForJson.InnerException);
        Assert.False(string.IsNullOrWhiteSpace(badRequest.Content));
        Assert.Equal("text/plain", badRequest.ContentHeaders?.ContentType?.MediaType);
        Assert.False(badRequest.TryGetOAuthError(out _));
    }

    /// <summary>Registers and gets a token through the generated clients; the settings supply it to secured calls.</summary>
    private async Task<RefitSettings> AuthorizedSettingsAsync(string application = "demo")
    {
        using var dcr = new HttpClient { BaseAddress = _emulator.RegistrationBaseAddress };
        var registration = await RestService.For<IRegistrationClient>(dcr).RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = _emulator.IssueSoftwareStatement(application) });
        var token = await RestService.For<ITokenClient>(dcr).CreateAccessTokenAsync(new AccessTokenRequest
        {
            GrantType = GrantType.ClientCredentials,
            ClientId = registration.ClientId,
            ClientSecret = registration.ClientSecret,
        });
        Assert.Equal("bearer", token.TokenType);

        var accessToken = token.AccessToken;
        return new RefitSettings { AuthorizationHeaderValueGetter = (_, _) => ValueTask.FromResult(accessToken) };
    }

    private static async Task<T> InvokeAsync<T>(object client, MethodInfo method)
    {
        // Every parameter is optional: call with the defaults, as a user would.
        var arguments = method.GetParameters().Select(p => p.HasDefaultValue ? p.DefaultValue : Type.Missing).ToArray();
        try
        {
            return await (Task<T>)method.Invoke(client, arguments)!;
        }
        catch (ApiException ex)
        {
            throw new Xunit.Sdk.XunitException(method.Name + " failed: HTTP " + (int)ex.StatusCode + " " + ex.Content);
        }
    }

    /// <summary>Keeps the headers of the last response, which a <c>Task&lt;string&gt;</c> CSV call does not return.</summary>
    private sealed class ResponseHeaderProbe : DelegatingHandler
    {
        public string? LastContentType { get; private set; }

        public string? LastContentDisposition { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            LastContentType = response.Content.Headers.ContentType?.MediaType;
            LastContentDisposition = response.Content.Headers.ContentDisposition?.ToString();
            return response;
        }
    }
}
