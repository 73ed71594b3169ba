using System.Text;
using CmuContracts.Reports;

namespace CmuContracts.Tests.Reports;

/// <summary>A report that cannot be completed fails loudly; AllowPartial takes the cut answer, marked truncated.</summary>
public sealed class UsageReportLimitTests
{
    // 3 tenants x 5 MVPDs = 15 rows on a path without a time dimension.
    private static readonly UsageReportQuery TenantsByMvpd = UsageReportQuery.For("tenant").IncludeDimension("mvpd");

    [Fact]
    public async Task AReportWithoutATimeDimensionOverTheLimitThrowsWithTheLimitAndHowToNarrowIt()
    {
        await using var test = await ReportsTestHost.StartAsync();

        var ex = await Assert.ThrowsAsync<UsageReportLimitException>(() => test.Reports.GetReportAsync(TenantsByMvpd.WithLimit(10)));

        Assert.IsAssignableFrom<CmuException>(ex);
        Assert.Equal((10, "/tenant", "getTenant"), (ex.Limit, ex.Path, ex.OperationId));
        Assert.Contains("reached the server's limit of 10 rows", ex.Message, StringComparison.Ordinal);
        Assert.Contains("its path has no time dimension", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'/tenant/year'", ex.Remedy, StringComparison.Ordinal);
        Assert.Contains("AllowPartial()", ex.Message, StringComparison.Ordinal);
        Assert.Single(test.Wire.Calls);
    }

    [Fact]
    public async Task ADayThatAloneReachesTheLimitThrowsAndNamesTheDay()
    {
        await using var test = await ReportsTestHost.StartAsync();
        var first = ReportsTestHost.DaysAgo(3);
        // 3 tenants a day, at most 2 rows per request: no window of whole days can hold one day.
        var query = UsageReportQuery.For("tenant", "year", "month", "day").Between(first, first.AddDays(2)).WithLimit(2);

        var ex = await Assert.ThrowsAsync<UsageReportLimitException>(() => test.Reports.GetReportAsync(query));

        Assert.Equal(2, ex.Limit);
        Assert.Contains($"within the day {first:yyyy-MM-dd} alone", ex.Message, StringComparison.Ordinal);
        Assert.Contains("limit of 2 rows", ex.Message, StringComparison.Ordinal);
        Assert.Equal((first, first.AddDays(1)), (ex.WindowStart, ex.WindowEnd));
    }

    [Fact]
    public async Task StreamingAReportThatCannotBeCompletedThrowsBeforeAnyRecordOfIt()
    {
        await using var test = await ReportsTestHost.StartAsync();
        var records = 0;

        await Assert.ThrowsAsync<UsageReportLimitException>(async () =>
        {
            await foreach (var record in test.Reports.GetRecordsAsync(TenantsByMvpd.WithLimit(10)))
            {
                records++;
            }
        });
        using var csv = new MemoryStream();
        await Assert.ThrowsAsync<UsageReportLimitException>(() => test.Reports.CopyCsvAsync(TenantsByMvpd.WithLimit(10), csv));

        Assert.Equal(0, records);
        Assert.Equal(0, csv.Length);
    }

    [Fact]
    public async Task AllowPartialReturnsTheCutReportMarkedTruncated()
    {
        await using var test = await ReportsTestHost.StartAsync();
        var whole = await test.Reports.GetReportAsync(TenantsByMvpd);

        var cut = await test.Reports.GetReportAsync(TenantsByMvpd.WithLimit(10).AllowPartial());

        Assert.Equal(15, whole.Records.Count);
        Assert.False(whole.IsTruncated);
        Assert.Equal(whole.Records.Take(10).Select(r => r.ToString()), cut.Records.Select(r => r.ToString()));
        Assert.True(cut.IsTruncated);
        Assert.Equal((10, true, 1), (cut.Coverage!.Limit, cut.Coverage.IsTruncated, cut.Coverage.Windows));
        Assert.Contains("truncated", cut.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowPartialRecordsAndCsvSayTheyWereTruncated()
    {
        await using var test = await ReportsTestHost.StartAsync();
        var query = TenantsByMvpd.WithLimit(10).AllowPartial();

        var records = test.Reports.GetRecordsAsync(query);
        var count = 0;
        await foreach (var record in records)
        {
            count++;
        }

        using var destination = new MemoryStream();
        var csv = await test.Reports.CopyCsvAsync(query, destination);

        Assert.Equal(10, count);
        Assert.True(records.Coverage!.IsTruncated);
        Assert.Equal(10, records.Coverage.Limit);
        Assert.True(csv.IsTruncated);
        Assert.Equal(11, Encoding.UTF8.GetString(destination.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task AllowPartialOnAReportThatFitsIsNotTruncated()
    {
        await using var test = await ReportsTestHost.StartAsync();

        var report = await test.Reports.GetReportAsync(TenantsByMvpd.WithLimit(16).AllowPartial());

        Assert.Equal(15, report.Records.Count);
        Assert.False(report.IsTruncated);
    }
}
