using CmuContracts.NSwag.Tests.Infrastructure;

namespace CmuContracts.NSwag.Tests;

/// <summary>
/// The spec's free-form <c>filters</c> map (style form, explode) as NSwag renders it: an
/// <c>IDictionary&lt;string, IEnumerable&lt;string&gt;&gt;</c> written as <c>key=value</c>, one pair per key.
/// One value per key and <c>!</c> keys work; several values (SQL IN) cannot be expressed. Values
/// must be <c>string[]</c>: NSwag's ConvertToString joins arrays and writes any other
/// <c>IEnumerable</c> (a List, a collection expression) with ToString().
/// </summary>
public sealed class FilterMapTests(NSwagEmulatorFixture fixture) : IClassFixture<NSwagEmulatorFixture>
{
    private const string Start = "2025-05-01";
    private const string End = "2025-05-08";

    [Fact]
    public async Task OneValueIsAnEqualityFilter()
    {
        var (client, recorder, http) = fixture.RecordingReports();
        using var _ = http;

        var report = await client.GetTenantYearMonthDayAsync(start: Start, end: End, filters: new Dictionary<string, IEnumerable<string>>
        {
            ["tenant"] = new[] { "Globex" },
        });

        Assert.Contains("tenant=Globex", Assert.Single(recorder.Uris).Query, StringComparison.Ordinal);
        Assert.NotEmpty(report.Report);
        Assert.All(report.Report, r => Assert.Equal("Globex", r.Tenant));
    }

    [Fact]
    public async Task ABangKeyIsANotEqualFilter()
    {
        var all = await fixture.Reports.GetTenantYearMonthDayMvpdAsync(start: Start, end: End);
        var (client, recorder, http) = fixture.RecordingReports();
        using var _ = http;

        var report = await client.GetTenantYearMonthDayMvpdAsync(start: Start, end: End, filters: new Dictionary<string, IEnumerable<string>>
        {
            ["mvpd!"] = new[] { "DTV" },
        });

        // NSwag escapes the key: mvpd%21=DTV, which servers decode to mvpd!=DTV.
        Assert.Contains("mvpd%21=DTV", Assert.Single(recorder.Uris).Query, StringComparison.Ordinal);
        Assert.Contains(all.Report, r => r.Mvpd == "DTV");
        Assert.NotEmpty(report.Report);
        Assert.DoesNotContain(report.Report, r => r.Mvpd == "DTV");
    }

    [Fact]
    public async Task SeveralValuesAreJoinedWithCommasSoTheyMatchNothing()
    {
        var (client, recorder, http) = fixture.RecordingReports();
        using var _ = http;

        var report = await client.GetTenantYearMonthDayAsync(start: Start, end: End, filters: new Dictionary<string, IEnumerable<string>>
        {
            ["tenant"] = new[] { "Acme", "Initech" },
        });

        // The spec asks for tenant=Acme&tenant=Initech (IN); NSwag sends one value "Acme,Initech".
        Assert.Contains("tenant=Acme%2CInitech", Assert.Single(recorder.Uris).Query, StringComparison.Ordinal);
        Assert.Empty(report.Report);
    }

    [Fact]
    public async Task AnEmptyListIsSentWithAnEqualsSignAndStillForcesTheDimension()
    {
        var (client, recorder, http) = fixture.RecordingReports();
        using var _ = http;

        var report = await client.GetTenantYearMonthDayAsync(start: Start, end: End, filters: new Dictionary<string, IEnumerable<string>>
        {
            ["tenant"] = new[] { "Acme" },
            ["channel"] = Array.Empty<string>(),
        });

        // The spec's bare key is ?channel; NSwag sends channel= (the emulator reads both alike; Adobe's service is untested).
        Assert.EndsWith("&channel=", Assert.Single(recorder.Uris).Query, StringComparison.Ordinal);
        Assert.NotEmpty(report.Report);
        Assert.All(report.Report, r => Assert.False(string.IsNullOrEmpty(r.Channel)));
    }

    [Fact]
    public async Task AnythingButAStringArrayIsSentAsItsTypeName()
    {
        var (client, recorder, http) = fixture.RecordingReports();
        using var _ = http;

        var fromList = await client.GetTenantYearMonthDayAsync(start: Start, end: End,
            filters: new Dictionary<string, IEnumerable<string>> { ["tenant"] = new List<string> { "Acme" } });
        var fromCollectionExpression = await client.GetTenantYearMonthDayAsync(start: Start, end: End,
            filters: new Dictionary<string, IEnumerable<string>> { ["tenant"] = ["Acme"] });

        Assert.Equal(2, recorder.Uris.Count);
        Assert.All(recorder.Uris, u => Assert.DoesNotContain("tenant=Acme", u.Query, StringComparison.Ordinal));
        Assert.Contains("tenant=System.Collections.Generic.List", Uri.UnescapeDataString(recorder.Uris[0].Query), StringComparison.Ordinal);
        Assert.Empty(fromList.Report);
        Assert.Empty(fromCollectionExpression.Report);
    }
}
