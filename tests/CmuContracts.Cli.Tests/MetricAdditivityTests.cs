using CmuContracts.Cli.Reports;

namespace CmuContracts.Cli.Tests;

/// <summary>Which metrics the charts may add: event counts only; distinct counts and anything undocumented never.</summary>
public sealed class MetricAdditivityTests
{
    [Theory]
    [InlineData("started-sessions")]
    [InlineData("completed-sessions")]
    [InlineData("failed-attempts")]
    [InlineData("dismissed-sessions")]
    [InlineData("killed-sessions")]
    public void EventCountsAddUp(string metric) => Assert.True(MetricAdditivity.IsAdditive(metric));

    [Theory]
    [InlineData("active-users")]
    [InlineData("active-sessions")]
    [InlineData("users")]
    [InlineData("duration_0-15")]
    [InlineData("bstreams-30")]
    public void DistinctCountsAndUnknownMetricsDoNotAddUp(string metric) => Assert.False(MetricAdditivity.IsAdditive(metric));
}
