using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CmuContracts.Generator.Tests.Infrastructure;

/// <summary>
/// An additional file held in memory under a stable, fake path (for example <c>/specs/library-catalogue.yaml</c>),
/// so diagnostics and snapshots never contain a machine path.
/// </summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
