using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CmuContracts.Generator;

/// <summary>A spec file with its options resolved, plus any diagnostics about those options.</summary>
internal sealed record SpecSource(SpecInput Input, EquatableArray<DiagnosticInfo> OptionDiagnostics)
{
    private static readonly string[] SpecSuffixes = { ".openapi.yaml", ".openapi.yml", ".openapi.json" };

    /// <summary>
    /// Specs are files named *.openapi.yaml|yml|json, or any additional file given a CmuNamespace or
    /// CmuClientName (other JSON/YAML additional files, like analyzer configs, are left alone).
    /// </summary>
    public static bool IsSpec(AdditionalText text, AnalyzerConfigOptionsProvider options)
    {
        foreach (var suffix in SpecSuffixes)
        {
            if (text.Path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var fileOptions = options.GetOptions(text);
        return HasValue(fileOptions, "build_metadata.AdditionalFiles.CmuNamespace") || HasValue(fileOptions, "build_metadata.AdditionalFiles.CmuClientName");
    }

    public static SpecSource Create(AdditionalText text, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var content = text.GetText(cancellationToken)?.ToString() ?? string.Empty;
        var fileOptions = options.GetOptions(text);
        var stem = Stem(text.Path);
        var defaultClient = ToIdentifier(stem);
        options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        var defaultNamespace = (string.IsNullOrWhiteSpace(rootNamespace) ? "OpenApi" : rootNamespace!.Trim()) + "." + defaultClient;
        var diagnostics = new List<DiagnosticInfo>();

        var clientName = Option(fileOptions, "build_metadata.AdditionalFiles.CmuClientName") ?? defaultClient;
        if (!SyntaxFacts.IsValidIdentifier(clientName) || SyntaxFacts.GetKeywordKind(clientName) != SyntaxKind.None)
        {
            diagnostics.Add(InvalidOption(text.Path, "CmuClientName", clientName, "C# identifier", defaultClient));
            clientName = defaultClient;
        }

        var ns = Option(fileOptions, "build_metadata.AdditionalFiles.CmuNamespace") ?? defaultNamespace;
        if (!IsValidNamespace(ns))
        {
            var fallback = IsValidNamespace(defaultNamespace) ? defaultNamespace : "OpenApi." + defaultClient;
            diagnostics.Add(InvalidOption(text.Path, "CmuNamespace", ns, "C# namespace", fallback));
            ns = fallback;
        }

        var returnShape = Choice(fileOptions, text.Path, "CmuReturnShape", "return shape (Value or ApiResponse)", diagnostics,
            ("Value", ReturnShape.Value), ("ApiResponse", ReturnShape.ApiResponse));
        var strict = Choice(fileOptions, text.Path, "CmuRequiredProperties", "required-properties mode (lenient or strict)", diagnostics,
            ("lenient", false), ("strict", true));

        // Generated files are named after the namespace alone (CmuContracts.AdobePass.Models.g.cs): CMU1010 keeps it
        // unique per compilation, and the client name, often the namespace's last part, would only repeat it.
        var filter = OperationFilterOptions.Read(fileOptions, text.Path, diagnostics);
        var input = new SpecInput(text.Path, content, ns, clientName, ns, new GenerationOptions(returnShape, strict, filter));
        return new SpecSource(input, diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// A per-spec option with a fixed set of values (case-insensitive); anything else is CMU1008 and the
    /// first value, which is the default.
    /// </summary>
    private static T Choice<T>(AnalyzerConfigOptions options, string path, string name, string kind, List<DiagnosticInfo> diagnostics, params (string Text, T Value)[] values)
    {
        var text = Option(options, "build_metadata.AdditionalFiles." + name);
        if (text is null)
        {
            return values[0].Value;
        }

        foreach (var (candidate, value) in values)
        {
            if (string.Equals(candidate, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        diagnostics.Add(InvalidOption(path, name, text, kind, values[0].Text));
        return values[0].Value;
    }

    private static DiagnosticInfo InvalidOption(string path, string option, string value, string kind, string used) =>
        new(DiagnosticDescriptors.InvalidOption.Id, LocationInfo.FileStart(path), new[] { option, value, kind, used }.ToEquatableArray());

    private static bool IsValidNamespace(string ns)
    {
        foreach (var part in ns.Split('.'))
        {
            if (!SyntaxFacts.IsValidIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None)
            {
                return false;
            }
        }

        return true;
    }

    private static string Stem(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var suffix in SpecSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return name.Substring(0, name.Length - suffix.Length);
            }
        }

        return Path.GetFileNameWithoutExtension(name);
    }

    /// <summary>A file stem as a PascalCase identifier ("adobe-pass" -> "AdobePass"), by the parser's naming rule.</summary>
    internal static string ToIdentifier(string stem)
    {
        var words = CSharpNames.PascalWords(stem);
        return words.Length == 0 || char.IsDigit(words[0]) ? "Api" + words : words;
    }

    private static string? Option(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool HasValue(AnalyzerConfigOptions options, string key) => Option(options, key) is not null;
}
