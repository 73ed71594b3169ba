using System;
using System.Collections.Generic;

namespace CmuContracts.Generator.Spec;

/// <summary>A mapping: its entries in document order (keys unique, checked while loading).</summary>
internal sealed class SpecMappingNode : SpecNode
{
    public SpecMappingNode(int id, SpecMark start, SpecMark end)
        : base(id, start, end)
    {
    }

    /// <summary>An array, so the readers' many key lookups are plain loops; set once by the loader, never changed.</summary>
    public KeyValuePair<SpecNode, SpecNode>[] Children { get; internal set; } = Array.Empty<KeyValuePair<SpecNode, SpecNode>>();
}
