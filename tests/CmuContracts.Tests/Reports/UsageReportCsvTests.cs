using System.Text;
using CmuContracts.AdobePass;
using CmuContracts.Reports;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace CmuContracts.Tests.Reports;

public sealed class UsageReportCsvTests
{
    [Fact]
    public async Task TheCSVCopyIsExactlyWhatTheGeneratedCSVOperationReceives()
    {
        await using var test = await ReportsTestHost.StartAsync();
        var start = ReportsTestHost.DaysAgo(4);
        var query = UsageReportQuery.For("year", "month", "day", "mvpd").Between(start, start.AddDays(3)).WhereNot("mvpd", "Dish").WithMetrics(ReportMetric.ActiveUsers);
        var wire = Refit(query);
        // CSV has no links, so the library sends the limit it assumes (the observed default) explicitly, and format=csv.
        var expected = await test.Host.Reports.GetYearMonthDayMvpdAsCsvAsync(wire.Start, wire.End, CmuContracts.AdobePass.ReportFormat.Csv, UsageReportQuery.ObservedDefaultLimit, ["active-users"], wire.Filters);

        using var destination = new MemoryStream();
        var coverage = await test.Reports.CopyCsvAsync(query, destination);

        var csv = Encoding.UTF8.GetString(destination.ToArray());
        Assert.Equal(expected, csv);
        Assert.StartsWith("year,month,day,mvpd,active-users\r\n", csv, StringComparison.Ordinal);
        Assert.Equal(1 + 3 * 4, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // header + 3 days x 4 MVPDs
        Assert.DoesNotContain("Dish", csv, StringComparison.Ordinal);
        Assert.Equal(test.Wire.Calls[0].Query, test.Wire.Calls[1].Query);
        Assert.Equal(2, test.Wire.Calls.Count);
        Assert.Equal((start, start.AddDays(3), 1000, false, 1), (coverage.Start, coverage.End, coverage.Limit, coverage.IsTruncated, coverage.Windows));
    }

    [Fact]
    public async Task APartialCsvReachesTheDestinationWhileTheResponseIsStillArriving()
    {
        var observer = new EndOfBodyObserver();
        await using var test = await ReportsTestHost.StartAsync(http => http.AddHttpMessageHandler(() => observer));
        // 96 series x 24 hours x 6 days = 13,824 rows, about 1.4 MB. Only an answer that may be cut is passed on as it
        // arrives: a complete one is held until the library knows the server did not cut it.
        var start = ReportsTestHost.DaysAgo(7);
        var query = UsageReportQuery.Parse("/year/month/day/hour/tenant/channel/platform/application-id/application").Between(start, start.AddDays(6)).WithLimit(50_000).AllowPartial();
        var destination = new FirstWriteProbe(observer);

        await test.Reports.CopyCsvAsync(query, destination);

        Assert.True(destination.Bytes > 1_000_000, $"only {destination.Bytes} bytes: not a large report");
        Assert.False(destination.BodyEndedAtFirstWrite, "the first CSV bytes were written only after the whole response had been read");
        Assert.True(observer.BodyEnded);
        Assert.True(destination.Writes > 10, $"{destination.Writes} writes");
        Assert.True(destination.LargestWrite <= 1 << 20, $"a {destination.LargestWrite}-byte write: the report was buffered");
    }

    [Fact]
    public async Task ARefusedCSVRequestIsACmuServiceExceptionAndWritesNothing()
    {
        await using var test = await ReportsTestHost.StartAsync();
        using var destination = new MemoryStream();

        var ex = await Assert.ThrowsAsync<CmuServiceException>(() => test.Reports.CopyCsvAsync(UsageReportQuery.For("year", "month", "concurrency-level").Where("platform", "Roku"), destination));

        Assert.Equal(400, ex.StatusCode);
        Assert.Contains("platform", Assert.IsType<ApiException>(ex.InnerException).Content, StringComparison.Ordinal);
        Assert.Equal(0, destination.Length);
    }

    private static (string? Start, string? End, IReadOnlyDictionary<string, IReadOnlyList<string>> Filters) Refit(UsageReportQuery query) => (
        query.Start?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        query.End?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        query.Filters.ToDictionary(f => f.WireKey, f => f.Values));

    /// <summary>Notes, at its first write, whether the response body had already been read to its end.</summary>
    private sealed class FirstWriteProbe(EndOfBodyObserver observer) : Stream
    {
        public long Bytes { get; private set; }

        public int Writes { get; private set; }

        public int LargestWrite { get; private set; }

        public bool? BodyEndedAtFirstWrite { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Bytes;

        public override long Position { get => Bytes; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            BodyEndedAtFirstWrite ??= observer.BodyEnded;
            Bytes += buffer.Length;
            Writes++;
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
