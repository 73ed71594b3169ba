using CmuContracts.Emulator.Tests.Infrastructure;

namespace CmuContracts.Emulator.Tests.SpecCopies;

/// <summary>
/// A report path the served spec adds is served, linked from its parent and rolled up to it: made of known dimensions,
/// or of a dimension the spec newly declares in <c>ReportDimension</c> (synthetic values).
/// </summary>
public sealed class AddedPathTests(EditedSpecFixture fixture) : IClassFixture<EditedSpecFixture>
{
    [Fact]
    public async Task AnAddedPathOfKnownDimensionsIsServedLinkedAndAddsUpToItsParent()
    {
        const string Query = "?start=2025-04&end=2025-05&metrics=started-sessions," + EditedSpecFixture.DistinctMetric;
        using var parent = await fixture.Client.ReportJsonAsync("/tenant/year/month" + Query, fixture.Token);
        using var child = await fixture.Client.ReportJsonAsync(EditedSpecFixture.NewPath + Query, fixture.Token);

        Assert.Contains("platform", ReportDoc.DrillDownNames(parent));
        Assert.Equal("/cmu/v2/tenant/year/month", child.RootElement.GetProperty("_links").GetProperty("roll-up").GetProperty("href").GetString());
        var records = ReportDoc.Records(child);
        Assert.Equal(3 * 4, records.Length); // 3 tenants x 4 platforms, one month
        foreach (var tenant in ReportDoc.Records(parent))
        {
            var platforms = records.Where(r => r.GetProperty("tenant").GetString() == tenant.GetProperty("tenant").GetString()).ToArray();
            Assert.Equal(ReportDoc.Metric(tenant, "started-sessions"), ReportDoc.Sum(platforms, "started-sessions"));
            Assert.InRange(
                ReportDoc.Metric(tenant, EditedSpecFixture.DistinctMetric),
                platforms.Max(r => ReportDoc.Metric(r, EditedSpecFixture.DistinctMetric)),
                ReportDoc.Sum(platforms, EditedSpecFixture.DistinctMetric));
        }
    }

    [Fact]
    public async Task ANewlyDeclaredDimensionGroupsTheSeriesBySyntheticValuesThatAddUpAndFilter()
    {
        const string Dimension = EditedSpecFixture.NewDimension;
        using var parent = await fixture.Client.ReportJsonAsync("/tenant?metrics=started-sessions", fixture.Token);
        using var child = await fixture.Client.ReportJsonAsync(EditedSpecFixture.NewDimensionPath + "?metrics=started-sessions", fixture.Token);
        using var filtered = await fixture.Client.ReportJsonAsync($"{EditedSpecFixture.NewDimensionPath}?metrics=started-sessions&{Dimension}={Dimension}-2", fixture.Token);

        Assert.Contains(Dimension, ReportDoc.DrillDownNames(parent));
        var records = ReportDoc.Records(child);
        Assert.Equal([$"{Dimension}-1", $"{Dimension}-2", $"{Dimension}-3"], records.Select(r => r.GetProperty(Dimension).GetString()).Distinct().Order());
        Assert.Equal(ReportDoc.Sum(ReportDoc.Records(parent), "started-sessions"), ReportDoc.Sum(records, "started-sessions"));
        Assert.Equal(
            records.Where(r => r.GetProperty(Dimension).GetString() == $"{Dimension}-2").Select(r => ReportDoc.Metric(r, "started-sessions")),
            ReportDoc.Records(filtered).Select(r => ReportDoc.Metric(r, "started-sessions")));
    }
}
