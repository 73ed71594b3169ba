using System.Collections.Generic;
using System.Runtime.CompilerServices;
using YamlDotNet.RepresentationModel;

namespace CmuContracts.Generator.Parsing;

/// <summary>Compares YAML nodes by identity (YamlDotNet's own equality compares whole subtrees).</summary>
internal sealed class NodeIdentity : IEqualityComparer<YamlNode>
{
    public static NodeIdentity Comparer { get; } = new();

    public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

    public int GetHashCode(YamlNode obj) => RuntimeHelpers.GetHashCode(obj);
}
