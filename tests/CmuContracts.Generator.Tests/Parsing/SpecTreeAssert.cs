using CmuContracts.Generator.Spec;
using Xunit;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>Compares two spec trees node by node: type, id, marks, and each scalar's value and style.</summary>
internal static class SpecTreeAssert
{
    public static void Equal(SpecNode expected, SpecNode actual) => AssertSameNode(expected, actual, "$");

    private static void AssertSameNode(SpecNode expected, SpecNode actual, string where)
    {
        Assert.True(expected.GetType() == actual.GetType(), $"{where}: {expected.GetType().Name} expected, {actual.GetType().Name} read");
        Assert.True(expected.Id == actual.Id, $"{where}: id {expected.Id} expected, {actual.Id} read");
        Assert.True(expected.Start.Equals(actual.Start) && expected.End.Equals(actual.End), $"{where}: marks {expected.Start}-{expected.End} expected, {actual.Start}-{actual.End} read");
        switch (expected)
        {
            case SpecScalarNode scalar:
                var other = (SpecScalarNode)actual;
                Assert.True(scalar.Value == other.Value && scalar.Style == other.Style, $"{where}: {scalar.Style} '{scalar.Value}' expected, {other.Style} '{other.Value}' read");
                break;
            case SpecMappingNode map:
                var otherMap = (SpecMappingNode)actual;
                Assert.True(map.Children.Length == otherMap.Children.Length, $"{where}: {map.Children.Length} entries expected, {otherMap.Children.Length} read");
                foreach (var (e, a) in map.Children.Zip(otherMap.Children))
                {
                    var key = where + "." + ((SpecScalarNode)e.Key).Value;
                    AssertSameNode(e.Key, a.Key, key + " (key)");
                    AssertSameNode(e.Value, a.Value, key);
                }

                break;
            case SpecSequenceNode sequence:
                var otherSequence = (SpecSequenceNode)actual;
                Assert.True(sequence.Children.Length == otherSequence.Children.Length, $"{where}: {sequence.Children.Length} items expected, {otherSequence.Children.Length} read");
                for (var i = 0; i < sequence.Children.Length; i++)
                {
                    AssertSameNode(sequence.Children[i], otherSequence.Children[i], where + "[" + i + "]");
                }

                break;
        }
    }
}
