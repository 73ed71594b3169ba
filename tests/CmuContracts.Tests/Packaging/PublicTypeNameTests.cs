namespace CmuContracts.Tests.Packaging;

/// <summary>
/// One public model per wire concept (issue 18): no two public top-level types of the CmuContracts package share a
/// simple name, so a file importing both CmuContracts.AdobePass and CmuContracts.Reports never meets CS0104.
/// </summary>
public sealed class PublicTypeNameTests
{
    // The look-alikes still left (the facade's report and record beside the generated DTOs). Remove a name when its
    // facade type wraps the generated one instead; any new duplicate fails.
    private static readonly string[] NotYetUnique = ["UsageRecord", "UsageReport"];

    [Fact]
    public void NoTwoPublicTypesOfThePackageShareASimpleName()
    {
        var duplicates = typeof(CmuClientOptions).Assembly.GetExportedTypes()
            .Where(t => !t.IsNested)
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .Order(StringComparer.Ordinal);

        Assert.Equal(NotYetUnique, duplicates);
    }
}
