using System;
using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CmuContracts.Generator;

/// <summary>Reads the per-spec <see cref="OperationFilter"/> from <c>CmuInclude</c> and <c>CmuExclude</c> metadata.</summary>
internal static class OperationFilterOptions
{
    private static readonly char[] Separators = { ';', ',' };

    /// <summary>The filter of <c>CmuInclude</c> and <c>CmuExclude</c>, or null when neither is set; a malformed selector is CMU1008 and ignored.</summary>
    public static OperationFilter? Read(AnalyzerConfigOptions options, string path, List<DiagnosticInfo> diagnostics)
    {
        var include = Selectors(options, path, "CmuInclude", diagnostics);
        var exclude = Selectors(options, path, "CmuExclude", diagnostics);
        return include.Count == 0 && exclude.Count == 0 ? null : new OperationFilter(include.ToEquatableArray(), exclude.ToEquatableArray());
    }

    private static List<string> Selectors(AnalyzerConfigOptions options, string path, string name, List<DiagnosticInfo> diagnostics)
    {
        var selectors = new List<string>();
        if (!options.TryGetValue("build_metadata.AdditionalFiles." + name, out var text) || string.IsNullOrWhiteSpace(text))
        {
            return selectors;
        }

        foreach (var part in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var colon = part.IndexOf(':');
            var kind = colon > 0 ? part.Substring(0, colon).Trim().ToLowerInvariant() : string.Empty;
            var value = colon > 0 ? part.Substring(colon + 1).Trim() : string.Empty;
            if (!OperationFilter.Kinds.Contains(kind) || value.Length == 0)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.InvalidOption.Id, LocationInfo.FileStart(path),
                    new[] { name + " selector", part, "tag:Name, path:/prefix or operation:operationId", "nothing (it was ignored)" }.ToEquatableArray()));
                continue;
            }

            if (!selectors.Contains(kind + ":" + value))
            {
                selectors.Add(kind + ":" + value);
            }
        }

        return selectors;
    }
}
