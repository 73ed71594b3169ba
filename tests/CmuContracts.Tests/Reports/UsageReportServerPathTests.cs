using CmuContracts.AdobePass;
using CmuContracts.Reports;

namespace CmuContracts.Tests.Reports;

/// <summary>
/// Links are followed wherever the server points, also to a path the spec does not list (the emulator advertises
/// <c>/year/month/day/tenant/application-id</c>, which the spec lacks), and such a path can be asked for directly:
/// the request goes through the same pipeline and the library logs a hint instead of refusing.
/// </summary>
public sealed class UsageReportServerPathTests
{
    private const string ServerOnly = "/year/month/day/tenant/application-id";

    [Fact]
    public async Task ADrillDownTheSpecDoesNotListIsFollowedAndLoggedAsAHint()
    {
        await using var test = await ReportsTestHost.StartAsync();
        var start = ReportsTestHost.DaysAgo(2);
        var day = await test.Reports.GetReportAsync(UsageReportQuery.For("year", "month", "day", "tenant").Between(start, start.AddDays(1)));
        Assert.DoesNotContain("application-id", UsageReportQuery.For("year", "month", "day", "tenant").NextDimensions);

        var apps = await day.DrillDownAsync("application-id");

        Assert.Contains("application-id", day.DrillDownDimensions);
        Assert.Equal(ServerOnly, apps.Query!.Path);
        Assert.False(apps.Query.IsInSpec);
        Assert.Equal("/cmu/v2" + ServerOnly, test.Wire.Last.Path);
        Assert.Equal("application/json", test.Wire.Last.Accept);
        Assert.Null(test.Wire.Last.OperationId);
        Assert.NotEmpty(apps.Records);
        Assert.All(apps.Records, r => Assert.NotNull(r.GetDimension("application-id")));
        Assert.Equal("/year/month/day/tenant", (await apps.RollUpAsync()).Query!.Path);
        var hint = Assert.Single(test.Host.Logs.Records, r => r.EventId.Id == 40);
        Assert.Contains(ServerOnly, hint.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APathTheSpecDoesNotListCanBeAskedForDirectlyAsJsonRecordsAndCsv()
    {
        await using var test = await ReportsTestHost.StartAsync();
        var start = ReportsTestHost.DaysAgo(3);
        var query = UsageReportQuery.ForServerPath(ServerOnly).Between(start, start.AddDays(1)).Where("tenant", "Acme");

        var report = await test.Reports.GetReportAsync(query);
        var records = new List<UsageRecord>();
        await foreach (var record in test.Reports.GetRecordsAsync(query))
        {
            records.Add(record);
        }

        using var csv = new MemoryStream();
        await test.Reports.CopyCsvAsync(query, csv);

        Assert.NotEmpty(report.Records);
        Assert.Equal(report.Records.Select(r => r.ToString()), records.Select(r => r.ToString()));
        Assert.All(report.Records, r => Assert.Equal("Acme", r.GetDimension("tenant")));
        var lines = System.Text.Encoding.UTF8.GetString(csv.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("year,month,day,tenant,application-id,", lines[0], StringComparison.Ordinal);
        Assert.Equal(report.Records.Count, lines.Length - 1);
    }

    [Theory]
    [InlineData("/tenant/../o/client/register")]
    [InlineData("/tenant/year?x=1")]
    [InlineData("/tenant/ye ar")]
    public void AServerPathIsPlainNamesOnly(string path) =>
        Assert.Throws<ArgumentException>(() => UsageReportQuery.ForServerPath(path));

    [Fact]
    public async Task APathTheServerDoesNotServeIsItsOwn404()
    {
        await using var test = await ReportsTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<CmuServiceException>(() => test.Reports.GetReportAsync(UsageReportQuery.ForServerPath("/tenant/occurrences")));

        Assert.Equal(404, error.StatusCode);
    }
}
