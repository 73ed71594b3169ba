using CmuContracts.Cli.Reports;
using CmuContracts.Reports;

namespace CmuContracts.Cli.Tests;

/// <summary>A chart's subtitle says what the numbers cover: the window the server applied, and a cut report says so.</summary>
public sealed class ChartScopeTests
{
    private static readonly UsageReportQuery Query = UsageReportQuery.For("tenant", "year", "month", "day").Where("tenant", "Acme");

    [Fact]
    public void TheWindowIsTheOneTheServerApplied()
    {
        var coverage = new UsageReportCoverage("/tenant/year/month/day", new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 5, 13, 30, 0, TimeSpan.Zero), 1000, false, 2);

        var scope = ChartScope.Describe(Query, coverage, TimeProvider.System);

        Assert.Equal("CMU /tenant/year/month/day, tenant=Acme, from 2026-10-01 to 2026-11-05 13:30 (end exclusive, UTC), the last day, 2026-11-05, is partial (data to 2026-11-05 13:30)", scope);
    }

    [Fact]
    public void ACutReportSaysItIsTruncated()
    {
        var coverage = new UsageReportCoverage("/tenant/year/month/day", new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), 5, true, 1);

        Assert.EndsWith("from 2026-10-01 to 2026-11-01 (end exclusive, UTC), TRUNCATED at 5 rows", ChartScope.Describe(Query, coverage, TimeProvider.System));
    }

    [Fact]
    public void WithoutACoverageTheQuerysWindowEndsNow()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 5, 13, 30, 0, TimeSpan.Zero));

        Assert.EndsWith("from the server's default start to 2026-11-05 13:30 (end exclusive, UTC), the last day, 2026-11-05, is partial (data to 2026-11-05 13:30)", ChartScope.Describe(Query, null, clock));
    }

    [Theory]
    [InlineData("/tenant/year/month/day", "2026-11-05T13:30:00Z", "the last day, 2026-11-05, is partial (data to 2026-11-05 13:30)")]
    [InlineData("/year/month", "2026-11-05T00:00:00Z", "the last month, 2026-11, is partial (data to 2026-11-05)")]
    [InlineData("/year/month/day/hour", "2026-11-05T13:30:00Z", "the last hour, 2026-11-05 13:00, is partial (data to 2026-11-05 13:30)")]
    [InlineData("/year/month/day/hour/minute", "2026-11-05T13:30:20Z", "the last minute, 2026-11-05 13:30, is partial (data to 2026-11-05 13:30:20)")]
    [InlineData("/year", "2026-11-05T00:00:00Z", "the last year, 2026, is partial (data to 2026-11-05)")]
    public void AWindowEndingInsideABucketCallsThatBucketPartial(string path, string end, string expected)
    {
        Assert.Equal(expected, CoverageText.PartialBucket(path, DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("/tenant/year/month/day", "2026-11-05T00:00:00Z")] // ends on a day boundary: every day whole
    [InlineData("/year/month", "2026-11-01T00:00:00Z")]
    [InlineData("/tenant", "2026-11-05T13:30:00Z")] // no time dimension: no buckets
    public void AWindowEndingOnABoundaryOrWithoutTimeHasNoPartialBucket(string path, string end)
    {
        Assert.Null(CoverageText.PartialBucket(path, DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
