using Xunit.Abstractions;

[assembly: TestCollectionOrderer("CmuContracts.Tests.Secrets.SecretScanLastOrderer", "CmuContracts.Tests")]

namespace CmuContracts.Tests.Secrets;

/// <summary>Keeps xUnit's order of test collections, with the secret scan's last.</summary>
public sealed class SecretScanLastOrderer : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName.Contains(SecretScanGroup.Name, StringComparison.Ordinal) ? 1 : 0);
}
