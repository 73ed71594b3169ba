using System;
using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Generator.Parsing;

/// <summary>Applying the per-spec <see cref="OperationFilter"/> while reading paths, and telling the user about selectors that matched nothing.</summary>
internal static class OperationFilters
{
    public static string? OperationId(SpecMappingNode item, string method) =>
        NodeReader.Find(item, method) is SpecMappingNode operation && NodeReader.Find(operation, "operationId") is SpecScalarNode { Value: { } id } ? id : null;

    public static IReadOnlyList<string> Tags(SpecMappingNode item, string method) =>
        NodeReader.Find(item, method) is SpecMappingNode operation && NodeReader.Find(operation, "tags") is SpecSequenceNode tags
            ? tags.Children.OfType<SpecScalarNode>().Where(t => t.Value is not null).Select(t => t.Value!).ToList()
            : Array.Empty<string>();

    /// <summary>CMU1013 for each selector no operation matched (a typo would otherwise silently generate nothing).</summary>
    public static void ReportUnmatched(SpecDiagnostics reader, OperationFilter? filter, ISet<string> matched, SpecNode? location)
    {
        if (filter is null)
        {
            return;
        }

        foreach (var (option, selectors) in new[] { ("CmuInclude", filter.Include), ("CmuExclude", filter.Exclude) })
        {
            foreach (var selector in selectors.Where(s => !matched.Contains(s)))
            {
                reader.Report(DiagnosticDescriptors.UnmatchedSelector, location, option, selector);
            }
        }
    }
}
