using System;

namespace CmuContracts.Generator.Spec;

/// <summary>One reader per format: a spec named <c>.json</c> is read by System.Text.Json, any other as YAML.</summary>
internal static class SpecReader
{
    public static bool IsJsonPath(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The root node of the spec's (first) document, or null when the text has none.</summary>
    /// <exception cref="SpecSyntaxException">The text is not valid in its format, or repeats a key.</exception>
    public static SpecNode? Read(string path, string text) =>
        IsJsonPath(path) ? JsonSpecReader.Read(text) : YamlSpecReader.Read(text);
}
