using System;
using System.Collections.Generic;

namespace CmuContracts.Generator.Spec;

/// <summary>
/// What both readers (<see cref="YamlSpecReader"/> from YAML events, <see cref="JsonSpecReader"/> from JSON tokens)
/// share, so their trees agree by construction: node ids in document order, the duplicate-key rule and its error, and
/// the entries and items of the collections being read, kept as stacks shared by all depths. Each
/// collection takes its own range off the top once it ends, so reading allocates little besides the tree itself.
/// </summary>
internal sealed class SpecTreeBuilder
{
    /// <summary>Up to this many keys a mapping checks duplicates by a linear scan; beyond it, by a set.</summary>
    private const int LinearKeyScan = 8;

    private readonly List<KeyValuePair<SpecNode, SpecNode>> _entries = new();
    private readonly List<string?> _keyTags = new();
    private readonly List<SpecNode> _items = new();
    private int _nextId;

    /// <summary>The next node's id.</summary>
    public int NextId() => _nextId++;

    /// <summary>Where a mapping's entries start on the stack (taken when the mapping begins).</summary>
    public int EntriesMark => _entries.Count;

    /// <summary>Where a sequence's items start on the stack (taken when the sequence begins).</summary>
    public int ItemsMark => _items.Count;

    public void AddItem(SpecNode item) => _items.Add(item);

    /// <summary>
    /// Adds an entry of the mapping whose entries start at <paramref name="first"/>; a scalar key equal to an earlier one
    /// (same tag and text) is an error at the second key, as YAML has it (JSON only says names should be unique, and a
    /// spec whose reader kept either value would be read differently by different tools). A key that is a collection is
    /// kept as it is: the OpenAPI readers reject it where it stands. <paramref name="keys"/> is the mapping's key set,
    /// made once it has too many keys for a scan.
    /// </summary>
    public void AddEntry(int first, SpecNode key, string? tag, SpecNode value, ref HashSet<(string? Tag, string Value)>? keys)
    {
        if (key is SpecScalarNode scalar && IsDuplicate(first, tag, scalar.Value, ref keys))
        {
            throw new SpecSyntaxException(key.Start, key.End, "Duplicate key " + scalar.Value);
        }

        _entries.Add(new KeyValuePair<SpecNode, SpecNode>(key, value));
        _keyTags.Add(tag);
    }

    /// <summary>The entries from <paramref name="first"/> on, taken off the stack.</summary>
    public KeyValuePair<SpecNode, SpecNode>[] TakeEntries(int first)
    {
        var entries = new KeyValuePair<SpecNode, SpecNode>[_entries.Count - first];
        _entries.CopyTo(first, entries, 0, entries.Length);
        _entries.RemoveRange(first, entries.Length);
        _keyTags.RemoveRange(first, entries.Length);
        return entries;
    }

    /// <summary>The items from <paramref name="first"/> on, taken off the stack.</summary>
    public SpecNode[] TakeItems(int first)
    {
        var items = new SpecNode[_items.Count - first];
        _items.CopyTo(first, items, 0, items.Length);
        _items.RemoveRange(first, items.Length);
        return items;
    }

    private bool IsDuplicate(int first, string? tag, string value, ref HashSet<(string? Tag, string Value)>? keys)
    {
        if (keys is null)
        {
            if (_entries.Count - first < LinearKeyScan)
            {
                for (var i = first; i < _entries.Count; i++)
                {
                    if (_entries[i].Key is SpecScalarNode key && string.Equals(key.Value, value, StringComparison.Ordinal)
                        && string.Equals(_keyTags[i], tag, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }

            keys = new HashSet<(string? Tag, string Value)>();
            for (var i = first; i < _entries.Count; i++)
            {
                if (_entries[i].Key is SpecScalarNode key)
                {
                    keys.Add((_keyTags[i], key.Value));
                }
            }
        }

        return !keys.Add((tag, value));
    }
}
