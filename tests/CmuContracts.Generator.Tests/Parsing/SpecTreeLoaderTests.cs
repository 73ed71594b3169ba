using CmuContracts.Generator.Parsing;
using Xunit;
using YamlDotNet.Core;
using static CmuContracts.Generator.Tests.Parsing.ParsingTestSupport;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>
/// The light node tree (<see cref="SpecTreeLoader"/>, deferring to <see cref="YamlStreamTree"/> where it must)
/// against YamlDotNet's own <c>YamlStream</c> tree copied node for node: the same values, styles, marks and
/// sharing, or the same error at the same place; and which YAML takes the light path.
/// </summary>
public sealed class SpecTreeLoaderTests
{
    public static TheoryData<string, bool> Documents() => new()
    {
        { "openapi: 3.0.0\ninfo: {title: T, version: '1'}\nlist: [1, \"two\", 'three', ~]\ntext: |\n  block\n", true },
        { "a: &x {b: 1}\nc: *x\n", true },
        { "a: &x 1\nb: &x 2\nc: *x\n", true },
        { "a: &x\n  b: *x\n", true },
        { "!!str a: 1\na: 2\n", true },
        { "a: 1\na: 2\n", true },
        { string.Join("\n", Enumerable.Range(0, 12).Select(i => "k" + i + ": " + i)) + "\nk3: again\n", true },
        { string.Join("\n", Enumerable.Range(0, 12).Select(i => "k" + i + ": " + i)) + "\n", true },
        { "a: 1\n---\nb: 2\n", true },
        { "a: 1\n---\nb: 1\nb: 2\n", true },
        { "a: 1\nb: [1, 2\n", true },
        { string.Empty, true },
        { "# only a comment\n", true },
        // Deferred to YamlStream: an alias before its anchor, a missing anchor, complex keys, a root alias.
        { "a: *x\nb: &x 1\n", false },
        { "a: *missing\n", false },
        { "? [1, 2]\n: v\n", false },
        { "? {k: 1}\n: v\n? {k: 1}\n: w\n", false },
        { "&k a: 1\n*k : 2\n", false },
        { "--- *a\n", false },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void LightTreeEqualsYamlStreamTree(string yaml, bool light)
    {
        Assert.Equal(light, TakesLightPath(yaml));
        var expected = Outcome(() => YamlStreamTree.Load(new Parser(new StringReader(yaml))));
        var actual = Outcome(() => LoadLight(yaml));
        Assert.Equal(expected.Error, actual.Error);
        AssertSameTree(expected.Root, actual.Root);
    }

    /// <summary>Every corpus spec (its JSON ones are YAML flow documents too) and ours.</summary>
    public static TheoryData<string> CorpusSpecs() => new(CorpusAndOurSpec());

    [Theory]
    [MemberData(nameof(CorpusSpecs))]
    public void CorpusSpecsReadTheSameLightly(string file)
    {
        var yaml = File.ReadAllText(file);
        Assert.True(TakesLightPath(yaml), file + " should not need YamlStream");
        AssertSameTree(YamlStreamTree.Load(new Parser(new StringReader(yaml))), LoadLight(yaml));
    }

    private static SpecNode? LoadLight(string yaml)
    {
        try
        {
            return SpecTreeLoader.Load(new Parser(new StringReader(yaml)));
        }
        catch (SpecTreeLoader.NeedsYamlStream)
        {
            return YamlStreamTree.Load(new Parser(new StringReader(yaml)));
        }
    }

    private static bool TakesLightPath(string yaml)
    {
        try
        {
            SpecTreeLoader.Load(new Parser(new StringReader(yaml)));
            return true;
        }
        catch (SpecTreeLoader.NeedsYamlStream)
        {
            return false;
        }
        catch (YamlException)
        {
            return true;
        }
    }

    private static (SpecNode? Root, string? Error) Outcome(Func<SpecNode?> load)
    {
        try
        {
            return (load(), null);
        }
        catch (YamlException e)
        {
            return (null, e.GetType().Name + " " + e.Start + " - " + e.End + ": " + e.Message);
        }
    }

    /// <summary>Node for node, following shared and cyclic nodes once, and requiring the same sharing.</summary>
    private static void AssertSameTree(SpecNode? expected, SpecNode? actual)
    {
        var pairs = new Dictionary<SpecNode, SpecNode>(NodeIdentity.Comparer);
        Compare(expected, actual, "$");

        void Compare(SpecNode? e, SpecNode? a, string where)
        {
            if (e is null || a is null)
            {
                Assert.True(e is null && a is null, where + ": one tree has no node");
                return;
            }

            if (pairs.TryGetValue(e, out var seen))
            {
                Assert.True(ReferenceEquals(seen, a), where + ": a shared node is not shared alike");
                return;
            }

            pairs[e] = a;
            Assert.Equal(e.GetType(), a.GetType());
            Assert.True(e.Start.Equals(a.Start) && e.End.Equals(a.End), $"{where}: marks {e.Start}-{e.End} expected, {a.Start}-{a.End} read");
            switch (e)
            {
                case SpecScalarNode scalar:
                    var other = (SpecScalarNode)a;
                    Assert.True(scalar.Value == other.Value && scalar.Style == other.Style, $"{where}: {scalar.Style} '{scalar.Value}' expected, {other.Style} '{other.Value}' read");
                    break;
                case SpecMappingNode map:
                    var otherMap = (SpecMappingNode)a;
                    Assert.Equal(map.Children.Length, otherMap.Children.Length);
                    for (var i = 0; i < map.Children.Length; i++)
                    {
                        Compare(map.Children[i].Key, otherMap.Children[i].Key, where + "{" + i + "} (key)");
                        Compare(map.Children[i].Value, otherMap.Children[i].Value, where + "." + map.Children[i].Key);
                    }

                    break;
                case SpecSequenceNode sequence:
                    var otherSequence = (SpecSequenceNode)a;
                    Assert.Equal(sequence.Children.Length, otherSequence.Children.Length);
                    for (var i = 0; i < sequence.Children.Length; i++)
                    {
                        Compare(sequence.Children[i], otherSequence.Children[i], where + "[" + i + "]");
                    }

                    break;
            }
        }
    }
}
