using System.Text.RegularExpressions;
using CmuContracts.Generator.Tests.Infrastructure;
using Xunit;

namespace CmuContracts.Generator.Tests;

/// <summary>
/// The generator's layers, read from its source: each folder's namespace is its name, and a layer names only the
/// layers below it (spec text to node tree, diagnostics, names, OpenAPI readers; the emitter sees only the model and
/// names). Parsing and Emitting never name each other.
/// </summary>
public sealed partial class LayerTests
{
    /// <summary>What each layer may name besides itself (and the root namespace, which wires them together).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Model"] = [],
        ["Spec"] = [],
        ["Diagnostics"] = ["Model", "Spec"],
        ["Naming"] = ["Model", "Spec", "Diagnostics"],
        ["Parsing"] = ["Model", "Spec", "Diagnostics", "Naming"],
        ["Emitting"] = ["Model", "Naming"],
    };

    private static string GeneratorRoot => Path.Combine(TestPaths.RepoRoot, "src", "CmuContracts.Generator");

    public static TheoryData<string> Layers() => new(Allowed.Keys);

    [Theory]
    [MemberData(nameof(Layers))]
    public void ALayerNamesOnlyTheLayersBelowIt(string layer)
    {
        var violations = new List<string>();
        foreach (var (file, text) in Sources(layer))
        {
            foreach (var named in LayersNamedIn(text).Where(n => n != layer && Allowed.ContainsKey(n) && !Allowed[layer].Contains(n)))
            {
                violations.Add(Path.GetRelativePath(GeneratorRoot, file) + " names " + named);
            }
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void ParsingAndEmittingNeverNameEachOther()
    {
        Assert.Empty(Sources("Parsing").Concat(Sources("Spec")).Concat(Sources("Naming")).Where(s => LayersNamedIn(s.Text).Contains("Emitting")).Select(s => s.File));
        Assert.Empty(Sources("Emitting").Where(s => LayersNamedIn(s.Text).Contains("Parsing")).Select(s => s.File));
    }

    [Fact]
    public void EveryFolderOfTheGeneratorIsALayerWhoseNamespaceIsItsPath()
    {
        var folders = Directory.GetDirectories(GeneratorRoot).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj" or "build" or "Polyfills")).Order(StringComparer.Ordinal);
        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), folders);

        foreach (var (file, text) in Allowed.Keys.SelectMany(Sources))
        {
            var folder = Path.GetRelativePath(GeneratorRoot, Path.GetDirectoryName(file)!).Replace(Path.DirectorySeparatorChar, '.');
            Assert.True(text.Contains("namespace CmuContracts.Generator." + folder + ";", StringComparison.Ordinal), file + " should be in namespace CmuContracts.Generator." + folder);
        }
    }

    [Fact]
    public void ANamingViolationIsFound()
    {
        // The check itself: a using line, a qualified name and a namespace line are each seen.
        Assert.Equal(["Emitting", "Parsing", "Spec"], LayersNamedIn("using CmuContracts.Generator.Emitting.Runtime;\nvar x = CmuContracts.Generator.Parsing.SpecParser.Parse;\nnamespace CmuContracts.Generator.Spec;"));
    }

    private static IEnumerable<(string File, string Text)> Sources(string layer) =>
        Directory.GetFiles(Path.Combine(GeneratorRoot, layer), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(f => (f, File.ReadAllText(f)));

    private static List<string> LayersNamedIn(string text) =>
        NamespaceReference().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\bCmuContracts\.Generator\.(\w+)")]
    private static partial Regex NamespaceReference();
}
