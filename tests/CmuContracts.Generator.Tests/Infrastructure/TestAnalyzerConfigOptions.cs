using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CmuContracts.Generator.Tests.Infrastructure;

/// <summary>Analyzer config options from a dictionary, the way the compiler hands over .editorconfig/MSBuild values.</summary>
internal sealed class DictionaryAnalyzerConfigOptions : AnalyzerConfigOptions
{
    public static readonly DictionaryAnalyzerConfigOptions Empty = new(ImmutableDictionary<string, string>.Empty);

    private readonly ImmutableDictionary<string, string> _values;

    public DictionaryAnalyzerConfigOptions(ImmutableDictionary<string, string> values) =>
        _values = values.WithComparers(KeyComparer);

    public override IEnumerable<string> Keys => _values.Keys;

    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
}

/// <summary>
/// Global options (<c>build_property.*</c>) plus per-additional-file options (<c>build_metadata.AdditionalFiles.*</c>),
/// keyed by the additional file's path.
/// </summary>
internal sealed class TestAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly ImmutableDictionary<string, DictionaryAnalyzerConfigOptions> _perFile;

    public TestAnalyzerConfigOptionsProvider(
        ImmutableDictionary<string, string> globalOptions,
        ImmutableDictionary<string, ImmutableDictionary<string, string>> perFileOptions)
    {
        GlobalOptions = new DictionaryAnalyzerConfigOptions(globalOptions);
        _perFile = perFileOptions.ToImmutableDictionary(p => p.Key, p => new DictionaryAnalyzerConfigOptions(p.Value), StringComparer.Ordinal);
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryAnalyzerConfigOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _perFile.TryGetValue(textFile.Path, out var options) ? options : DictionaryAnalyzerConfigOptions.Empty;
}
