using System;

namespace CmuContracts.Generator.Spec;

/// <summary>A sequence: its items in document order.</summary>
internal sealed class SpecSequenceNode : SpecNode
{
    public SpecSequenceNode(int id, SpecMark start, SpecMark end)
        : base(id, start, end)
    {
    }

    /// <summary>An array set once by the loader, never changed.</summary>
    public SpecNode[] Children { get; internal set; } = Array.Empty<SpecNode>();
}
