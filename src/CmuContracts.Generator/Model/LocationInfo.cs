using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CmuContracts.Generator.Model;

/// <summary>
/// Where something stands in a spec file (zero-based lines and columns, character offsets),
/// kept as plain values so the model stays equatable; turned into a <see cref="Location"/> only
/// when a diagnostic is reported.
/// </summary>
internal sealed record LocationInfo(string FilePath, int StartOffset, int EndOffset, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(StartOffset, System.Math.Max(0, EndOffset - StartOffset)),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));

    /// <summary>The start of a file: where problems without a better place are reported.</summary>
    public static LocationInfo FileStart(string filePath) => new(filePath, 0, 0, 0, 0, 0, 0);
}
