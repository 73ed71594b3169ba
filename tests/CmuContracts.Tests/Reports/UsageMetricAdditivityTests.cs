using CmuContracts.AdobePass;
using CmuContracts.Reports;

namespace CmuContracts.Tests.Reports;

/// <summary>Which metrics add up, from Adobe's definitions: event counts do, distinct counts and unknown metrics do not.</summary>
public sealed class UsageMetricAdditivityTests
{
    [Theory]
    [InlineData("started-sessions", true)]
    [InlineData("completed-sessions", true)]
    [InlineData("failed-attempts", true)]
    [InlineData("dismissed-sessions", true)]
    [InlineData("killed-sessions", true)]
    [InlineData("duration_0-15", true)]
    [InlineData("duration_over-1m", true)]
    [InlineData("active-users", false)]
    [InlineData("active-sessions", false)]
    [InlineData("users", false)]
    [InlineData("bstreams-30", false)]
    [InlineData("duration_made-up", false)]
    public void OnlyEventCountsAreAdditive(string metric, bool additive) =>
        Assert.Equal(additive, new ReportMetric(metric).IsAdditive);

    [Fact]
    public void TheDocumentedDistinctCountsAreNotAdditive()
    {
        Assert.False(ReportMetric.ActiveUsers.IsAdditive);
        Assert.False(ReportMetric.ActiveSessions.IsAdditive);
        Assert.False(ReportMetric.Users.IsAdditive);
        Assert.False(default(ReportMetric).IsAdditive);
        Assert.True(ReportMetric.KilledSessions.IsAdditive);
    }
}
