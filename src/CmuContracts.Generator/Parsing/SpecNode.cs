using YamlDotNet.Core;

namespace CmuContracts.Generator.Parsing;

/// <summary>
/// A node of a spec's tree: what the readers walk. Built by <see cref="SpecTreeLoader"/> from YamlDotNet's
/// parsing events (or, for JSON, by <see cref="JsonSpecTree"/> from the JSON tokens), with the same shape, values, styles
/// and marks as YamlDotNet's own <c>YamlStream</c> tree, but far lighter: no ordered dictionary per mapping,
/// marks kept as ints, which matters because the whole tree survives every young-generation GC while a large
/// spec is read (docs/benchmarks.md).
/// </summary>
internal abstract class SpecNode
{
    private readonly int _startIndex;
    private readonly int _startLine;
    private readonly int _startColumn;
    private readonly int _endIndex;
    private readonly int _endLine;
    private readonly int _endColumn;

    protected SpecNode(int id, Mark start, Mark end)
    {
        Id = id;
        _startIndex = (int)start.Index;
        _startLine = (int)start.Line;
        _startColumn = (int)start.Column;
        _endIndex = (int)end.Index;
        _endLine = (int)end.Line;
        _endColumn = (int)end.Column;
    }

    /// <summary>Unique within one tree (document order): a cheap identity hash for <see cref="NodeIdentity"/>.</summary>
    public int Id { get; }

    public Mark Start => new(_startIndex, _startLine, _startColumn);

    /// <summary>For a mapping or a sequence, where it starts, as in YamlDotNet.</summary>
    public Mark End => new(_endIndex, _endLine, _endColumn);
}
