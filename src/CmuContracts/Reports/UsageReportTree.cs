using System.Collections.Frozen;
using CmuContracts.AdobePass;
using UsageReportOperation = CmuContracts.AdobePass.ApiOperation<
    CmuContracts.AdobePass.IUsageReportsClient,
    CmuContracts.AdobePass.UsageReportsOperations.GetRootArguments,
    System.Threading.Tasks.Task<CmuContracts.AdobePass.UsageReport>>;

namespace CmuContracts.Reports;

/// <summary>
/// The CMU drill-down tree: the paths of the generated operation index's report operations (every operation of
/// <see cref="UsageReportsOperations"/> that takes the report parameters and reads a report), the valid next
/// dimensions of each, and the dimension names. A path added to the spec is here with no edit.
/// </summary>
internal static class UsageReportTree
{
    private static readonly UsageReportOperation[] All = [.. UsageReportsOperations.All.OfType<UsageReportOperation>()];

    private static readonly FrozenDictionary<string, UsageReportOperation> Operations =
        All.ToFrozenDictionary(o => o.PathTemplate, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string[]> Next = BuildNext();

    private static readonly FrozenSet<string> AllDimensions =
        All.SelectMany(o => o.PathTemplate.Split('/', StringSplitOptions.RemoveEmptyEntries)).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every dimension that can be filtered (the non-time ones), sorted.</summary>
    public static IReadOnlyList<string> FilterableDimensions { get; } =
        [.. AllDimensions.Where(d => !new ReportDimension(d).IsTime).Order(StringComparer.Ordinal)];

    /// <summary>Every dimension name in the tree, sorted.</summary>
    public static IReadOnlyList<string> Dimensions { get; } = [.. AllDimensions.Order(StringComparer.Ordinal)];

    public static bool IsDimension(string name) => AllDimensions.Contains(name);

    public static IReadOnlyList<string> NextDimensions(string path) => Next.TryGetValue(path, out var next) ? next : [];

    public static UsageReportOperation Operation(string path) => Operations.TryGetValue(path, out var operation)
        ? operation
        : throw new UsageReportPathException($"'{path}' is not a CMU report path.");

    /// <summary>The spec operation of a path, or null for a path the spec does not list (one a server advertised).</summary>
    public static UsageReportOperation? TryOperation(string path) => Operations.GetValueOrDefault(path);

    /// <summary>Whether the spec lists the path.</summary>
    public static bool IsPath(string path) => Operations.ContainsKey(path);

    /// <summary>
    /// Checks a path the spec need not list (an advertised link, a raw query): each segment a plain name (letters,
    /// digits, <c>-</c>, <c>_</c>), so it stays one path segment on the wire.
    /// </summary>
    public static void ValidateSegments(IReadOnlyList<string> dimensions, string paramName)
    {
        foreach (var dimension in dimensions)
        {
            if (string.IsNullOrEmpty(dimension) || !dimension.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw new ArgumentException($"'{dimension}' is not a CMU dimension name (letters, digits, '-' and '_' only).", paramName);
            }
        }
    }

    /// <summary>Walks the tree from the root and throws where the path leaves it.</summary>
    public static void Validate(IReadOnlyList<string> dimensions, string paramName)
    {
        for (var i = 0; i < dimensions.Count; i++)
        {
            var prefix = UsageReportPaths.Format(dimensions.Take(i));
            var dimension = dimensions[i];
            if (string.IsNullOrWhiteSpace(dimension) || !Operations.ContainsKey(UsageReportPaths.Format(dimensions.Take(i + 1))))
            {
                throw new UsageReportPathException(UsageReportPaths.Format(dimensions), prefix, dimension ?? "", NextDimensions(prefix), paramName);
            }
        }
    }

    private static FrozenDictionary<string, string[]> BuildNext()
    {
        var next = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var operation in All)
        {
            var segments = operation.PathTemplate.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length == 0)
            {
                continue;
            }

            var parent = UsageReportPaths.Format(segments[..^1]);
            if (!next.TryGetValue(parent, out var children))
            {
                next[parent] = children = [];
            }

            children.Add(segments[^1]);
        }

        return next.ToFrozenDictionary(p => p.Key, p => p.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }
}
