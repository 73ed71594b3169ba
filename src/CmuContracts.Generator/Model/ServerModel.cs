namespace CmuContracts.Generator.Model;

/// <summary>One entry of a <c>servers</c> list: its URL (variables replaced by their defaults) and description.</summary>
internal sealed record ServerModel(string Url, string? Description);
