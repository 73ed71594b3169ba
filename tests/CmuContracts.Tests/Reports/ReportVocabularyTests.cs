using System.Reflection;
using CmuContracts.AdobePass;
using CmuContracts.Reports;

namespace CmuContracts.Tests.Reports;

/// <summary>
/// CMU's metric and dimension names are declared once, in the spec, as extensible enums (<see cref="ReportMetric"/>,
/// <see cref="ReportDimension"/>): the library's names are those, and a name the server adds still reads.
/// </summary>
public sealed class ReportVocabularyTests
{
    [Fact]
    public void TheLibrarysMetricsAreTheSpecsMetrics()
    {
        var library = typeof(UsageMetric).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(UsageMetric)).Select(p => ((UsageMetric)p.GetValue(null)!).Name);

        Assert.Equal(ReportMetric.KnownValues.Select(m => m.Value).Order(StringComparer.Ordinal), library.Order(StringComparer.Ordinal));
        Assert.Equal(20, ReportMetric.KnownValues.Count);
    }

    [Fact]
    public void TheLibrarysDimensionsAreTheSpecsDimensions()
    {
        var library = typeof(UsageDimensions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(ReportDimension.KnownValues.Select(d => d.Value).Order(StringComparer.Ordinal), library.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ANameTheServerAddsReadsAndRoundTrips()
    {
        var metric = new ReportMetric("bstreams-30");
        var dimension = new ReportDimension("occurrences");

        Assert.False(metric.IsKnown);
        Assert.False(dimension.IsKnown);
        Assert.Equal("bstreams-30", metric.ToString());
        Assert.True(ReportMetric.ActiveUsers.IsKnown);
        Assert.Equal(ReportMetric.ActiveUsers, new ReportMetric("active-users"));
    }
}
