using System.Collections.Generic;

namespace CmuContracts.Generator.Spec;

/// <summary>Compares spec nodes by identity; the hash is the node's id, cheaper than an object's identity hash.</summary>
internal sealed class NodeIdentity : IEqualityComparer<SpecNode>
{
    public static NodeIdentity Comparer { get; } = new();

    public bool Equals(SpecNode? x, SpecNode? y) => ReferenceEquals(x, y);

    public int GetHashCode(SpecNode obj) => obj.Id;
}
