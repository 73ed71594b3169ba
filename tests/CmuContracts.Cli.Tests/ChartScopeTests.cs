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

        Assert.Equal("CMU /tenant/year/month/day, tenant=Acme, from 2026-10-01 to 2026-11-05 13:30 (end exclusive, UTC)", scope);
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

        Assert.EndsWith("from the server's default start to 2026-11-05 13:30 (end exclusive, UTC)", ChartScope.Describe(Query, null, clock));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
