using System.Text.Json;
using CmuContracts.AdobePass;
using CmuContracts.Reports;

namespace CmuContracts.Tests.Reports;

public sealed class UsageReportQueryTests
{
    [Fact]
    public void APathOutsideTheTreeNamesWhereItLeftAndTheValidNextDimensions()
    {
        var ex = Assert.Throws<UsageReportPathException>(() => UsageReportQuery.For("tenant", "hour"));

        Assert.Equal("'/tenant/hour' is not a CMU report path: 'hour' cannot follow '/tenant'; valid next dimensions after '/tenant': year.", ex.Message);
        Assert.Equal("/tenant/hour", ex.Path);
        Assert.Equal("/tenant", ex.ValidPath);
        Assert.Equal("hour", ex.InvalidDimension);
        Assert.Equal(["year"], ex.ValidNextDimensions);
        Assert.Equal("dimensions", ex.ParamName);
        Assert.Equal("Follow '/tenant' with one of: year.", ex.Remedy);
        Assert.IsAssignableFrom<CmuException>(ex);
    }

    [Fact]
    public void TheValidNextDimensionsAreListedAtThePointThePathWentWrongNotAtItsEnd()
    {
        var ex = Assert.Throws<UsageReportPathException>(() => UsageReportQuery.Parse("/year/month/bogus/tenant"));

        Assert.Equal("/year/month", ex.ValidPath);
        Assert.Equal("bogus", ex.InvalidDimension);
        Assert.Equal(["activity-level", "concurrency-level", "day", "mvpd"], ex.ValidNextDimensions);
        Assert.Contains("valid next dimensions after '/year/month': activity-level, concurrency-level, day, mvpd.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GoingPastALeafSaysItIsALeaf()
    {
        var ex = Assert.Throws<UsageReportPathException>(() => UsageReportQuery.Parse("tenant/year/month/application-id/application").Then("platform"));

        Assert.Empty(ex.ValidNextDimensions);
        Assert.Contains("'/tenant/year/month/application-id/application' is a leaf of the drill-down tree", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARootDimensionThatDoesNotExistListsTheRootDimensions()
    {
        var ex = Assert.Throws<UsageReportPathException>(() => UsageReportQuery.For("Tenant"));

        Assert.Equal("/", ex.ValidPath);
        Assert.Equal(["mvpd", "tenant", "year"], ex.ValidNextDimensions);
    }

    [Fact]
    public void TheQueryStringCarriesRangeLimitMetricsINNOTINAndABareDimensionInOrder()
    {
        var start = new DateTimeOffset(2026, 5, 1, 2, 0, 0, TimeSpan.FromHours(2)); // 00:00 UTC
        var query = UsageReportQuery.For("tenant", "year", "month", "day")
            .Between(start, start.AddDays(2))
            .WithLimit(10)
            .WithMetrics(ReportMetric.ActiveUsers, "bstreams-30")
            .Where("tenant", "Acme", "Globex")
            .WhereNot("mvpd", "Dish")
            .IncludeDimension("platform")
            .Where("tenant", "Initech")
            .WhereNot("mvpd", "DTV");

        Assert.Equal(
            "/tenant/year/month/day?start=2026-05-01T00%3A00%3A00&end=2026-05-03T00%3A00%3A00&limit=10&metrics=active-users,bstreams-30"
            + "&tenant=Acme&tenant=Globex&tenant=Initech&mvpd!=Dish&mvpd!=DTV&platform",
            query.ToString());
        Assert.Equal([UsageFilterKind.In, UsageFilterKind.NotIn, UsageFilterKind.Projection], query.Filters.Select(f => f.Kind));
    }

    [Fact]
    public void BuildingAQueryNeverChangesTheOneItStartsFrom()
    {
        var tenant = UsageReportQuery.For("tenant");
        var filtered = tenant.Where("mvpd", "Dish").WithLimit(5).Then("year");

        Assert.Equal("/tenant", tenant.ToString());
        Assert.Equal("/tenant/year?limit=5&mvpd=Dish", filtered.ToString());
        Assert.Equal("/", UsageReportQuery.Root.Path);
    }

    [Theory]
    [InlineData("day", "time dimension 'day'")]
    [InlineData("bogus", "'bogus' is not a CMU dimension; filterable dimensions: activity-level, application, application-id, channel, concurrency-level, mvpd, platform, tenant.")]
    public void FiltersOnTimeOrUnknownDimensionsAreRefusedWithTheReason(string dimension, string reason)
    {
        var ex = Assert.Throws<ArgumentException>(() => UsageReportQuery.Root.Where(dimension, "x"));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Equal("dimension", ex.ParamName);
    }

    [Fact]
    public void BadFilterValuesRangesAndLimitsAreRefused()
    {
        Assert.Contains("at least one value", Assert.Throws<ArgumentException>(() => UsageReportQuery.Root.Where("mvpd")).Message, StringComparison.Ordinal);
        Assert.Contains("null or empty value", Assert.Throws<ArgumentException>(() => UsageReportQuery.Root.WhereNot("mvpd", "")).Message, StringComparison.Ordinal);
        Assert.Contains("both a bare dimension and an IN filter", Assert.Throws<ArgumentException>(() => UsageReportQuery.Root.IncludeDimension("mvpd").Where("mvpd", "Dish")).Message, StringComparison.Ordinal);
        Assert.Contains("is before its start", Assert.Throws<ArgumentException>(() => UsageReportQuery.Root.Between(DateTimeOffset.UnixEpoch.AddDays(1), DateTimeOffset.UnixEpoch)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => UsageReportQuery.Root.WithLimit(0));
        Assert.Throws<ArgumentException>(() => UsageReportQuery.Root.WithMetrics(default(ReportMetric)));
    }

    [Fact]
    public void ARecordReadsItsMetricsAndPeriod()
    {
        var record = new UsageRecord
        {
            Tenant = "Acme", Year = 2026, Month = 5, Day = 3, ActiveUsers = 42, StartedSessions = 7,
            AdditionalProperties = new Dictionary<string, JsonElement>
            {
                ["bstreams-30"] = JsonSerializer.SerializeToElement("12"),
                ["occurrences"] = JsonSerializer.SerializeToElement("weekly"),
            },
        };

        Assert.Equal(42, record.GetMetric(ReportMetric.ActiveUsers));
        Assert.Equal(12, record.GetMetric("bstreams-30"));
        Assert.Null(record.GetMetric(ReportMetric.Users));
        Assert.Equal("Acme", record.GetDimension(ReportDimension.Tenant));
        Assert.Equal("5", record.GetDimension(ReportDimension.Month));
        Assert.Equal(new DateTimeOffset(2026, 5, 3, 0, 0, 0, TimeSpan.Zero), record.PeriodStart);
        Assert.Equal(["tenant", "year", "month", "day", "occurrences"], record.Dimensions.Keys);
        Assert.Equal(["active-users", "started-sessions", "bstreams-30"], record.Metrics.Keys);
    }
}
