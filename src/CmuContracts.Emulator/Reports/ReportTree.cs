using YamlDotNet.RepresentationModel;

namespace CmuContracts.Emulator.Reports;

/// <summary>One valid CMU report path: its dimensions, its roll-up (parent) and its drill-downs (children).</summary>
internal sealed record ReportNode(string Path, IReadOnlyList<string> Segments, string? RollUp, IReadOnlyList<string> DrillDowns, CmuVocabulary Vocabulary)
{
    /// <summary>Dimensions of this path and of every path below it (the dimensions a query may filter on).</summary>
    public IReadOnlySet<string> SubtreeDimensions { get; set; } = new HashSet<string>();

    /// <summary>The metrics this path's projection has (see <see cref="Metrics.ForPath"/>).</summary>
    public IReadOnlyList<string> Metrics { get; } = Reports.Metrics.ForPath(Segments, Vocabulary);
}

/// <summary>
/// The CMU drill-down tree and vocabulary, read from the OpenAPI spec the emulator serves: the valid paths are the
/// <c>paths</c> keys whose operations are tagged <c>UsageReports</c>, plus <see cref="ServerOnlyPaths"/>; a path's
/// drill-downs are the valid paths one segment longer, its roll-up is its parent when the parent is a valid path too.
/// Metric and dimension names are the spec's (<see cref="CmuVocabulary"/>); a spec path using a dimension the spec
/// does not declare is refused when the spec is read, rather than served with values the emulator cannot know.
/// </summary>
internal sealed class ReportTree
{
    /// <summary>
    /// Paths served and advertised although the spec does not list them [I], as the real service advertises drill-downs
    /// beyond the documented tree (Adobe's screenshot offers <c>occurrences</c> and <c>channel</c> from
    /// <c>/year/month/day/tenant</c> [O]), so that clients are tested following links the spec does not know. Made of
    /// known dimensions because what <c>occurrences</c> groups by is undocumented.
    /// </summary>
    public static readonly string[] ServerOnlyPaths = ["/year/month/day/tenant/application-id"];

    public const string ResourceName = "adobe-pass.openapi.yaml";
    public const string Tag = "UsageReports";
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
    private readonly Dictionary<string, ReportNode> _nodes;

    private ReportTree(IEnumerable<string> paths, CmuVocabulary vocabulary)
    {
        Vocabulary = vocabulary;
        var set = new HashSet<string>(paths.Select(Normalize), StringComparer.Ordinal);
        _nodes = new Dictionary<string, ReportNode>(StringComparer.Ordinal);
        foreach (var path in set)
        {
            var segments = Split(path);
            var parent = segments.Length == 0 ? null : "/" + string.Join('/', segments[..^1]);
            var children = set.Where(p => p != path && Split(p).Length == segments.Length + 1 && Parent(p) == path)
                .OrderBy(p => p, StringComparer.Ordinal).ToArray();
            _nodes[path] = new ReportNode(path, segments, parent is not null && set.Contains(parent) ? parent : null, children, vocabulary);
        }

        foreach (var node in _nodes.Values)
        {
            var prefix = node.Path == "/" ? "/" : node.Path + "/";
            node.SubtreeDimensions = _nodes.Values.Where(n => n.Path == node.Path || n.Path.StartsWith(prefix, StringComparison.Ordinal))
                .SelectMany(n => n.Segments).ToHashSet(StringComparer.Ordinal);
        }
    }

    public int Count => _nodes.Count;

    /// <summary>The metric and dimension names the spec declares.</summary>
    public CmuVocabulary Vocabulary { get; }

    public IEnumerable<ReportNode> Nodes => _nodes.Values;

    /// <summary>Reads the spec embedded in this assembly.</summary>
    public static ReportTree FromEmbeddedSpec()
    {
        using var stream = typeof(ReportTree).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing: the emulator is built without the spec.");
        using var reader = new StreamReader(stream);
        return FromYaml(reader);
    }

    /// <summary>Reads an OpenAPI document (YAML or JSON) from a file.</summary>
    public static ReportTree FromFile(string path)
    {
        using var reader = new StreamReader(path);
        return FromYaml(reader);
    }

    /// <summary>Reads an OpenAPI document (YAML or JSON).</summary>
    public static ReportTree FromYaml(TextReader yaml)
    {
        var stream = new YamlStream();
        stream.Load(yaml);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("paths"), out var pathsNode) || pathsNode is not YamlMappingNode paths)
        {
            throw new InvalidOperationException("The spec has no 'paths' mapping.");
        }

        var found = new List<string>();
        foreach (var (key, value) in paths.Children)
        {
            if (key is YamlScalarNode { Value: { } path } && value is YamlMappingNode item && IsTagged(item))
            {
                found.Add(path);
            }
        }

        var vocabulary = CmuVocabulary.Read(root);
        foreach (var path in found)
        {
            if (Split(path).FirstOrDefault(d => !vocabulary.IsDimension(d)) is { } unknown)
            {
                throw new InvalidOperationException(
                    $"The spec's report path '{path}' uses the dimension '{unknown}', which components.schemas.{CmuVocabulary.DimensionSchema} does not declare.");
            }
        }

        // A server-only path stands for undocumented drill-downs: it goes when a spec lacks one of its dimensions.
        return new ReportTree(found.Concat(ServerOnlyPaths.Where(p => Split(p).All(vocabulary.IsDimension))), vocabulary);
    }

    public ReportNode? Find(string path) => _nodes.GetValueOrDefault(Normalize(path));

    public static string Normalize(string path)
    {
        var segments = Split(path);
        return "/" + string.Join('/', segments);
    }

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static string Parent(string path)
    {
        var segments = Split(path);
        return "/" + string.Join('/', segments[..^1]);
    }

    private static bool IsTagged(YamlMappingNode item)
    {
        foreach (var method in Methods)
        {
            if (item.Children.TryGetValue(new YamlScalarNode(method), out var op) && op is YamlMappingNode operation
                && operation.Children.TryGetValue(new YamlScalarNode("tags"), out var tags) && tags is YamlSequenceNode list
                && list.Children.OfType<YamlScalarNode>().Any(t => t.Value == Tag))
            {
                return true;
            }
        }

        return false;
    }
}
