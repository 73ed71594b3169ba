namespace CmuContracts.Generator.Spec;

/// <summary>
/// A node of a spec's tree: what the readers walk. Built by <see cref="YamlSpecReader"/> from SharpYaml's parsing
/// events, or by <see cref="JsonSpecReader"/> from System.Text.Json's tokens, with the same shape, values, styles and
/// marks for the same JSON text. Light on purpose: an entry array per mapping and marks kept as ints, because the whole
/// tree survives every young-generation GC while a large spec is read (docs/benchmarks.md).
/// </summary>
internal abstract class SpecNode
{
    private readonly int _startIndex;
    private readonly int _startLine;
    private readonly int _startColumn;
    private readonly int _endIndex;
    private readonly int _endLine;
    private readonly int _endColumn;

    protected SpecNode(int id, SpecMark start, SpecMark end)
    {
        Id = id;
        _startIndex = start.Index;
        _startLine = start.Line;
        _startColumn = start.Column;
        _endIndex = end.Index;
        _endLine = end.Line;
        _endColumn = end.Column;
    }

    /// <summary>Unique within one tree (document order): a cheap identity hash for <see cref="NodeIdentity"/>.</summary>
    public int Id { get; }

    public SpecMark Start => new(_startIndex, _startLine, _startColumn);

    /// <summary>For a mapping or a sequence, where it starts (as YAML parsers report collections).</summary>
    public SpecMark End => new(_endIndex, _endLine, _endColumn);
}
