using YamlDotNet.RepresentationModel;

namespace CmuContracts.Emulator.Reports;

/// <summary>
/// CMU's names as the served spec declares them: the <c>enum</c>s of <c>components.schemas.ReportMetric</c> and
/// <c>components.schemas.ReportDimension</c>, in the spec's order. A metric or dimension added there is served with no
/// other edit; what a name means (time, histogram level, distinct count) stays in code (<see cref="Dimensions"/>,
/// <see cref="Metrics"/>, <see cref="CmuContracts.Reports.MetricAdditivity"/>).
/// </summary>
internal sealed class CmuVocabulary
{
    public const string MetricSchema = "ReportMetric";
    public const string DimensionSchema = "ReportDimension";

    private readonly HashSet<string> _dimensions;

    public CmuVocabulary(IReadOnlyList<string> metrics, IReadOnlyList<string> dimensions)
    {
        Metrics = metrics;
        DimensionNames = dimensions;
        _dimensions = new HashSet<string>(dimensions, StringComparer.Ordinal);
    }

    /// <summary>Every metric name, in the spec's order (the order of a record's metric fields).</summary>
    public IReadOnlyList<string> Metrics { get; }

    /// <summary>Every dimension name, in the spec's order.</summary>
    public IReadOnlyList<string> DimensionNames { get; }

    public bool IsDimension(string name) => _dimensions.Contains(name);

    /// <summary>Reads both enums from an OpenAPI document's root mapping.</summary>
    /// <exception cref="InvalidOperationException">Either schema, or its <c>enum</c> of strings, is missing.</exception>
    public static CmuVocabulary Read(YamlMappingNode root) => new(Enum(root, MetricSchema), Enum(root, DimensionSchema));

    private static string[] Enum(YamlMappingNode root, string schema)
    {
        var values = Child(root, "components") is YamlMappingNode components
            && Child(components, "schemas") is YamlMappingNode schemas
            && Child(schemas, schema) is YamlMappingNode type
            && Child(type, "enum") is YamlSequenceNode list
            ? list.Children.OfType<YamlScalarNode>().Select(v => v.Value).OfType<string>().Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToArray()
            : [];
        return values.Length > 0
            ? values
            : throw new InvalidOperationException($"The spec declares no components.schemas.{schema} with an enum of names: the emulator takes CMU's vocabulary from it.");
    }

    private static YamlNode? Child(YamlMappingNode node, string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
}
