namespace CmuContracts.Tests.Trimming;

/// <summary>Publish tests build the same referenced project: run them one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PublishTests
{
    public const string Name = "Publish";
}
