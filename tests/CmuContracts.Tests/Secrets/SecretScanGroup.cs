namespace CmuContracts.Tests.Secrets;

/// <summary>
/// The suite-wide scan's test collection. Without parallelization it runs after every parallel collection has
/// finished, and <see cref="SecretScanLastOrderer"/> puts it after the other sequential ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SecretScanGroup
{
    public const string Name = "Suite-wide secret scan";
}
