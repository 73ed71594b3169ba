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
    public void TheSpecDeclaresCmusTwentyMetricsAndThirteenDimensions()
    {
        Assert.Equal(20, ReportMetric.KnownValues.Count);
        Assert.Equal(13, ReportDimension.KnownValues.Count);
        Assert.Contains(ReportMetric.Users, ReportMetric.KnownValues);
    }

    [Fact]
    public void NoPublicTypeOfThePackageListsMetricOrDimensionNamesOfItsOwn()
    {
        // The names live in the generated ReportMetric and ReportDimension only: a public static string or name-typed
        // member anywhere else holding one of them would be a second list to keep in step with the spec.
        string[] names = [.. ReportMetric.KnownValues.Select(m => m.Value), .. ReportDimension.KnownValues.Select(d => d.Value)];
        var copies =
            from type in typeof(IUsageReports).Assembly.GetExportedTypes()
            where type != typeof(ReportMetric) && type != typeof(ReportDimension)
            from member in type.GetMembers(BindingFlags.Public | BindingFlags.Static)
            let value = member switch
            {
                FieldInfo { FieldType: var t } f when t == typeof(string) || t == typeof(ReportMetric) || t == typeof(ReportDimension) => f.GetValue(null)?.ToString(),
                PropertyInfo { PropertyType: var t } p when (t == typeof(string) || t == typeof(ReportMetric) || t == typeof(ReportDimension)) && p.GetIndexParameters().Length == 0 => p.GetValue(null)?.ToString(),
                _ => null,
            }
            where value is not null && names.Contains(value)
            select $"{type.Name}.{member.Name} = {value}";

        Assert.Empty(copies);
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
