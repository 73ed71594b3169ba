using YamlDotNet.RepresentationModel;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>Removes every entry with one of the given keys from a spec (YAML or JSON), at any depth, and writes it as JSON.</summary>
internal static class KeyStripper
{
    /// <returns>The spec as indented JSON without those entries, and the keys that were found (sorted).</returns>
    public static (string Json, IReadOnlyList<string> Removed) Strip(string spec, params string[] keys)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(spec));
        var removed = new SortedSet<string>(StringComparer.Ordinal);
        Walk(stream.Documents[0].RootNode, keys, removed, underProperties: false);
        return (YamlToJson.Convert(stream.Documents[0].RootNode, JsonLayout.Indented), removed.ToList());
    }

    private static void Walk(YamlNode node, string[] keys, SortedSet<string> removed, bool underProperties)
    {
        switch (node)
        {
            case YamlMappingNode map:
                // The keys of a schema's properties are property names, never keywords.
                foreach (var key in map.Children.Keys.OfType<YamlScalarNode>().Where(k => !underProperties && keys.Contains(k.Value)).ToList())
                {
                    map.Children.Remove(key);
                    removed.Add(key.Value!);
                }

                foreach (var (key, value) in map.Children)
                {
                    Walk(value, keys, removed, underProperties: !underProperties && key is YamlScalarNode { Value: "properties" });
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    Walk(item, keys, removed, underProperties: false);
                }

                break;
        }
    }
}
