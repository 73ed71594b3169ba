namespace CmuContracts.Tests.Packaging;

/// <summary>
/// One public model per wire concept (issue 18): no two public top-level types of the CmuContracts package share a
/// simple name, so a file importing both CmuContracts.AdobePass and CmuContracts.Reports never meets CS0104. The
/// facade extends the generated report, record, metric and dimension types instead of defining look-alikes.
/// </summary>
public sealed class PublicTypeNameTests
{
    [Fact]
    public void NoTwoPublicTypesOfThePackageShareASimpleName()
    {
        var duplicates = typeof(CmuClientOptions).Assembly.GetExportedTypes()
            .Where(t => !t.IsNested)
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Theory]
    [InlineData("UsageReport")]
    [InlineData("UsageRecord")]
    [InlineData("ReportMetric")]
    [InlineData("ReportDimension")]
    public void TheFacadeExtendsTheGeneratedTypeInsteadOfCopyingIt(string name)
    {
        var type = Assert.Single(typeof(CmuClientOptions).Assembly.GetExportedTypes(), t => t.Name == name);

        Assert.Equal("CmuContracts.AdobePass", type.Namespace);
    }
}
