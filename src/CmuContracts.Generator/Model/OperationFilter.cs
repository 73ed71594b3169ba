using System;
using System.Collections.Generic;
using System.Linq;

namespace CmuContracts.Generator.Model;

/// <summary>
/// Which operations of a spec to generate (per-spec metadata <c>CmuInclude</c> and <c>CmuExclude</c>): selectors
/// <c>tag:Name</c> (any of the operation's tags), <c>path:/prefix</c> (the path starts with it) and
/// <c>operation:operationId</c>. With includes, an operation is kept when one matches; an exclude that matches
/// drops it. Types only excluded operations use are not generated.
/// </summary>
internal sealed record OperationFilter(EquatableArray<string> Include, EquatableArray<string> Exclude)
{
    public static readonly string[] Kinds = { "tag", "path", "operation" };

    /// <summary>True when the operation is generated; every selector that matched it is added to <paramref name="matched"/>.</summary>
    public bool Keeps(string path, string? operationId, IReadOnlyList<string> tags, ISet<string> matched)
    {
        var included = Include.IsEmpty;
        foreach (var selector in Include.Where(s => Matches(s, path, operationId, tags)))
        {
            matched.Add(selector);
            included = true;
        }

        var excluded = false;
        foreach (var selector in Exclude.Where(s => Matches(s, path, operationId, tags)))
        {
            matched.Add(selector);
            excluded = true;
        }

        return included && !excluded;
    }

    private static bool Matches(string selector, string path, string? operationId, IReadOnlyList<string> tags)
    {
        var colon = selector.IndexOf(':');
        var value = selector.Substring(colon + 1);
        return selector.Substring(0, colon) switch
        {
            "tag" => tags.Contains(value, StringComparer.Ordinal),
            "path" => path.StartsWith(value, StringComparison.Ordinal),
            _ => string.Equals(operationId, value, StringComparison.Ordinal),
        };
    }
}
