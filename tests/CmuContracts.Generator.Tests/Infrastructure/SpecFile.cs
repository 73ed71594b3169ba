namespace CmuContracts.Generator.Tests.Infrastructure;

/// <summary>
/// A spec handed to the generator: a stable fake path, its text, and the per-file MSBuild metadata
/// (<c>CmuNamespace</c>, <c>CmuClientName</c>) that would come from <c>&lt;AdditionalFiles Update=... /&gt;</c>.
/// </summary>
internal sealed record SpecFile(string Path, string Text, string? Namespace = null, string? ClientName = null, IReadOnlyDictionary<string, string>? Metadata = null)
{
    public SpecFile WithText(string text) => this with { Text = text };
}
