using System.Text;
using CmuContracts.AdobePass;
using CmuContracts.Reports;

namespace CmuContracts.Tests.Reports;

/// <summary>Streamed records and CSV of a report fetched in windows: the same rows as the JSON report, one CSV header.</summary>
public sealed class UsageReportWindowStreamingTests
{
    // 5 MVPDs x 30 days = 150 rows, 40 per request; time first, so the windows one after the other are the server's order.
    private static UsageReportQuery TimeFirst() =>
        UsageReportQuery.For("year", "month", "day", "mvpd").Between(ReportsTestHost.DaysAgo(31), ReportsTestHost.DaysAgo(1)).WithLimit(40);

    // 3 tenants x 39 days = 117 rows, 20 per request; tenant first.
    private static UsageReportQuery TenantFirst() =>
        UsageReportQuery.For("tenant", "year", "month", "day").Between(ReportsTestHost.DaysAgo(40), ReportsTestHost.DaysAgo(1)).WithLimit(20);

    [Fact]
    public async Task StreamedRecordsAreTheCompleteReportsRecords()
    {
        await using var test = await ReportsTestHost.StartAsync();
        var timeFirst = await test.Reports.GetReportAsync(TimeFirst());
        var tenantFirst = await test.Reports.GetReportAsync(TenantFirst());

        var streamedTimeFirst = test.Reports.GetRecordsAsync(TimeFirst());
        var streamedTenantFirst = test.Reports.GetRecordsAsync(TenantFirst());
        var timeFirstRows = await ToStringsAsync(streamedTimeFirst);
        var tenantFirstRows = await ToStringsAsync(streamedTenantFirst);

        Assert.Equal(150, timeFirstRows.Count);
        Assert.Equal(timeFirst.Records.Select(r => r.ToString()), timeFirstRows);
        Assert.Equal(tenantFirst.Records.Select(r => r.ToString()).Order(StringComparer.Ordinal), tenantFirstRows.Order(StringComparer.Ordinal));
        Assert.Equal(117, tenantFirstRows.Count);
        Assert.True(streamedTimeFirst.Coverage!.Windows > 1);
        Assert.False(streamedTenantFirst.Coverage!.IsTruncated);
        Assert.Equal(tenantFirst.Coverage!.Start, streamedTenantFirst.Coverage.Start);
    }

    [Fact]
    public async Task TheFirstRecordsArriveBeforeTheLastWindowIsRequested()
    {
        await using var test = await ReportsTestHost.StartAsync();
        int? requestsAtFirstRecord = null;

        await foreach (var record in test.Reports.GetRecordsAsync(TenantFirst().WithLimit(5)))
        {
            requestsAtFirstRecord ??= test.Wire.Calls.Count;
        }

        Assert.True(requestsAtFirstRecord < test.Wire.Calls.Count, $"{requestsAtFirstRecord} of {test.Wire.Calls.Count} requests sent before the first record");
    }

    [Fact]
    public async Task ACsvFetchedInWindowsHasOneHeaderAndTheSameRowsAsTheJsonReport()
    {
        await using var test = await ReportsTestHost.StartAsync();
        using var oneRequest = new MemoryStream();
        await test.Reports.CopyCsvAsync(TimeFirst().WithLimit(1000), oneRequest);

        using var windows = new MemoryStream();
        var coverage = await test.Reports.CopyCsvAsync(TimeFirst(), windows);

        var lines = Encoding.UTF8.GetString(windows.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(oneRequest.ToArray(), windows.ToArray());
        Assert.Single(lines, l => l.StartsWith("year,", StringComparison.Ordinal));
        Assert.Equal(151, lines.Length);
        Assert.True(coverage.Windows > 1);
        Assert.Equal((40, false), (coverage.Limit, coverage.IsTruncated));
        var report = await test.Reports.GetReportAsync(TimeFirst());
        Assert.Equal(report.Records.Select(r => Line(r, lines[0])), lines[1..]);
    }

    [Fact]
    public async Task ATenantFirstCsvFetchedInWindowsHasOneHeaderAndAllTheRows()
    {
        await using var test = await ReportsTestHost.StartAsync();
        var report = await test.Reports.GetReportAsync(TenantFirst());

        using var windows = new MemoryStream();
        await test.Reports.CopyCsvAsync(TenantFirst(), windows);

        var lines = Encoding.UTF8.GetString(windows.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("tenant,year,month,day,", lines[0], StringComparison.Ordinal);
        Assert.Equal(report.Records.Select(r => Line(r, lines[0])).Order(StringComparer.Ordinal), lines[1..].Order(StringComparer.Ordinal));
    }

    // A record as a CSV line in the header's column order (a record's views list names in the spec's order).
    private static string Line(UsageRecord record, string header) =>
        string.Join(',', header.Split(',').Select(c => record.GetDimension(c) ?? record.GetMetric(c)?.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static async Task<List<string>> ToStringsAsync(IAsyncEnumerable<UsageRecord> records)
    {
        var list = new List<string>();
        await foreach (var record in records)
        {
            list.Add(record.ToString());
        }

        return list;
    }
}
