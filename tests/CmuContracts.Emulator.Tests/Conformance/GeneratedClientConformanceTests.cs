using System.Net.Http.Headers;
using System.Reflection;
using CmuContracts.AdobePass;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;

namespace CmuContracts.Emulator.Tests.Conformance;

/// <summary>
/// The client generated from spec/ (src/CmuContracts) reads every emulator response of every spec
/// operation: registration and token 201s, every CMU report as HAL JSON and as CSV, and the errors.
/// </summary>
public sealed class GeneratedClientConformanceTests : IAsyncLifetime
{
    private AdobePassEmulator _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = new ThrottleOptions { Enabled = false } });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Every_report_operation_reads_as_HAL_JSON_and_as_CSV()
    {
        using var http = await AuthorizedCmuClientAsync();
        var client = new UsageReportsClient(http);
        var methods = typeof(IUsageReportsClient).GetMethods();
        var json = methods.Where(m => !m.Name.EndsWith("AsCsvAsync", StringComparison.Ordinal)).ToList();
        var csv = methods.Where(m => m.Name.EndsWith("AsCsvAsync", StringComparison.Ordinal)).ToList();
        Assert.Equal(114, json.Count);
        Assert.Equal(114, csv.Count);

        var singleDrillDowns = 0;
        var arrayDrillDowns = 0;
        foreach (var method in json)
        {
            var report = (await InvokeAsync<ApiResponse<UsageReport>>(client, method)).Value;
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
            var response = await InvokeAsync<ApiResponse<string>>(client, method);
            Assert.False(string.IsNullOrEmpty(response.Value), method.Name);
            Assert.StartsWith("attachment; filename=report__", response.GetHeader("Content-Disposition"), StringComparison.Ordinal);
        }

        Assert.True(singleDrillDowns > 0, "no report had a single drill-down object");
        Assert.True(arrayDrillDowns > 0, "no report had a drill-down array");
    }

    [Fact]
    public async Task Report_records_read_with_numeric_strings_and_filters_narrow_them()
    {
        using var http = await AuthorizedCmuClientAsync();
        var client = new UsageReportsClient(http);

        var all = (await client.GetTenantYearMonthDayAsync(start: "2026-10-01", end: "2026-10-03")).Value;
        var tenant = all.Report[0].Tenant!;
        var one = (await client.GetTenantYearMonthDayAsync(start: "2026-10-01", end: "2026-10-03",
            filters: new Dictionary<string, IReadOnlyList<string>> { ["tenant"] = [tenant] })).Value;
        var others = (await client.GetTenantYearMonthDayAsync(start: "2026-10-01", end: "2026-10-03",
            filters: new Dictionary<string, IReadOnlyList<string>> { ["tenant!"] = [tenant] })).Value;

        Assert.All(all.Report, r => Assert.NotNull(r.ActiveUsers));
        Assert.All(one.Report, r => Assert.Equal(tenant, r.Tenant));
        Assert.DoesNotContain(others.Report, r => r.Tenant == tenant);
        Assert.Equal(all.Report.Count, one.Report.Count + others.Report.Count);
    }

    [Fact]
    public async Task Registration_and_token_errors_read_as_typed_OAuth_errors()
    {
        using var http = new HttpClient { BaseAddress = _emulator.RegistrationBaseAddress };
        var registration = new RegistrationClient(http);
        var tokens = new TokenClient(http);

        var badStatement = await Assert.ThrowsAsync<ApiException>(() => registration.RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "not-a-jwt" }));
        var badClient = await Assert.ThrowsAsync<ApiException>(() => tokens.CreateAccessTokenAsync(new AccessTokenRequest
        {
            GrantType = AccessTokenRequestGrantType.ClientCredentials,
            ClientId = Guid.NewGuid().ToString(),
            ClientSecret = "wrong",
        }));

        Assert.True(badStatement.TryGetError<OAuthError>(out var statementError));
        Assert.Equal(OAuthErrorError.InvalidSoftwareStatement, statementError.Error);
        Assert.True(badClient.TryGetError<OAuthError>(out var clientError));
        Assert.Equal(OAuthErrorError.InvalidClient, clientError.Error);
    }

    [Fact]
    public async Task Report_errors_read_as_ApiException_with_the_plain_text_reason()
    {
        using var anonymous = new HttpClient { BaseAddress = _emulator.CmuBaseAddress };
        using var noAccess = await AuthorizedCmuClientAsync("no-cmu");
        using var authorized = await AuthorizedCmuClientAsync();

        var unauthorized = await Assert.ThrowsAsync<ApiException>(() => new UsageReportsClient(anonymous).GetTenantAsync());
        var forbidden = await Assert.ThrowsAsync<ApiException>(() => new UsageReportsClient(noAccess).GetTenantAsync());
        var badRequest = await Assert.ThrowsAsync<ApiException>(() => new UsageReportsClient(authorized).GetTenantAsync(limit: -5));
        var notAcceptable = await Assert.ThrowsAsync<ApiException>(() => new UsageReportsClient(authorized).GetTenantAsync(format: Format.Xml));

        Assert.Equal((401, 403, 400, 406), (unauthorized.StatusCode, forbidden.StatusCode, badRequest.StatusCode, notAcceptable.StatusCode));
        Assert.True(badRequest.TryGetError<string>(out var reason));
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    /// <summary>Registers through the generated clients and returns an HttpClient carrying the bearer token.</summary>
    private async Task<HttpClient> AuthorizedCmuClientAsync(string application = "demo")
    {
        using var dcr = new HttpClient { BaseAddress = _emulator.RegistrationBaseAddress };
        var registration = (await new RegistrationClient(dcr).RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = _emulator.IssueSoftwareStatement(application) })).Value;
        var token = (await new TokenClient(dcr).CreateAccessTokenAsync(new AccessTokenRequest
        {
            GrantType = AccessTokenRequestGrantType.ClientCredentials,
            ClientId = registration.ClientId,
            ClientSecret = registration.ClientSecret,
        })).Value;
        Assert.Equal("bearer", token.TokenType);

        var http = new HttpClient { BaseAddress = _emulator.CmuBaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessTokenValue);
        return http;
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
            throw new Xunit.Sdk.XunitException(method.Name + " failed: " + ex.Message);
        }
    }
}
