using System;
using System.Globalization;

namespace CmuContracts.Generator.Spec;

/// <summary>
/// A place in a spec's text: the UTF-16 char index, and the 1-based line and column (columns in UTF-16 chars; CR, LF
/// and CRLF each end a line), as both readers report them and as diagnostics are located.
/// </summary>
internal readonly struct SpecMark : IEquatable<SpecMark>
{
    public SpecMark(int index, int line, int column)
    {
        Index = index;
        Line = line;
        Column = column;
    }

    public int Index { get; }

    public int Line { get; }

    public int Column { get; }

    public bool Equals(SpecMark other) => Index == other.Index && Line == other.Line && Column == other.Column;

    public override bool Equals(object? obj) => obj is SpecMark other && Equals(other);

    public override int GetHashCode() => Index;

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "Line: {0}, Col: {1}, Idx: {2}", Line, Column, Index);
}
