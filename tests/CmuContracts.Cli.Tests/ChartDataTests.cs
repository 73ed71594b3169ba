using CmuContracts.Cli.Reports;

namespace CmuContracts.Cli.Tests;

/// <summary>A report's rows as chart series: CMU's values per dimension value, never a sum of a distinct count.</summary>
public sealed class ChartDataTests
{
    private static readonly string[] Columns = ["tenant", "year", "month", "day", "platform", "active-users", "started-sessions"];

    [Fact]
    public void EachDimensionValueIsOneSeriesWithTheServersValues()
    {
        var chart = Chart("active-users",
            ["Acme", "2026", "11", "5", "Roku", "100", "7"],
            ["Acme", "2026", "11", "5", "iOS", "80", "3"],
            ["Acme", "2026", "11", "6", "Roku", "90", "5"]);

        Assert.Null(chart.Refusal);
        Assert.Equal(["platform"], chart.SeriesDimensions);
        Assert.Equal([new KeyValuePair<string, string>("tenant", "Acme")], chart.FixedValues);
        Assert.Equal(["2026-11-05", "2026-11-06"], chart.Buckets.Select(b => b.Label));
        Assert.Equal(new DateTime(2026, 11, 5, 0, 0, 0, DateTimeKind.Utc), chart.Buckets[0].Start);
        Assert.Equal(["Roku", "iOS"], chart.Series.Select(s => s.Name));
        Assert.Equal([100, 90], chart.Series[0].Values);
        Assert.Equal([80, null], chart.Series[1].Values); // No row is no value, not zero.
        Assert.Equal("active-users per day by platform, tenant Acme", chart.Subject);
        Assert.NotNull(chart.DistinctCountNote);
    }

    [Theory]
    [InlineData("active-users")]
    [InlineData("active-sessions")]
    [InlineData("users")]
    [InlineData("bstreams-30")] // Undocumented: never added.
    public void TwoRowsForOneCellOfANonAdditiveMetricAreRefusedNotAdded(string metric)
    {
        var chart = OneCellTwice(metric);

        Assert.Contains($"{metric} is a distinct count, which cannot be added", chart.Refusal);
    }

    [Theory]
    [InlineData("started-sessions")]
    [InlineData("killed-sessions")]
    [InlineData("duration_0-15")]
    public void TwoRowsForOneCellOfAnAdditiveMetricAreAdded(string metric)
    {
        var chart = OneCellTwice(metric);

        Assert.Null(chart.Refusal);
        Assert.Equal([10], Assert.Single(chart.Series).Values);
        Assert.Null(chart.DistinctCountNote);
    }

    [Fact]
    public void MoreThanEightSeriesAreRefusedWithAFilterHint()
    {
        var rows = Enumerable.Range(1, ChartData.MaxSeries + 1).Select(i => new[] { "Acme", "2026", "11", "5", $"P{i}", "10", "1" }).ToArray();

        var chart = Chart("active-users", rows);

        Assert.StartsWith("9 platform values would make 9 series (at most 8 stay readable); narrow the report with --filter (e.g. --filter platform=P1)", chart.Refusal);
    }

    [Fact]
    public void EightSeriesAreDrawn()
    {
        var rows = Enumerable.Range(1, ChartData.MaxSeries).Select(i => new[] { "Acme", "2026", "11", "5", $"P{i}", "10", "1" }).ToArray();

        Assert.Null(Chart("active-users", rows).Refusal);
    }

    private static ChartData OneCellTwice(string metric)
    {
        string[] columns = ["tenant", "year", "month", "day", "platform", metric];
        var data = new ReportData("/tenant/year/month/day/platform", columns, [["Acme", "2026", "11", "5", "Roku", "7"], ["Acme", "2026", "11", "5", "Roku", "3"]], new HashSet<string> { metric });
        return ChartData.From(data, columns.Length - 1);
    }

    private static ChartData Chart(string metric, params string[][] rows)
    {
        var data = new ReportData("/tenant/year/month/day/platform", Columns, rows, new HashSet<string> { "active-users", "started-sessions" });
        return ChartData.From(data, Array.IndexOf(Columns, metric));
    }
}
