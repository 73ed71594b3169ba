namespace CmuContracts.Benchmarks;

/// <summary>The specs the NSwag comparison and the output measurements run on, built or read once per process.</summary>
internal static class BenchmarkSpecs
{
    public const string Ours = "adobe-pass (YAML)";
    public const string SyntheticYaml = "synthetic large (YAML)";
    public const string SyntheticJson = "synthetic public-API-like (JSON)";

    private static readonly Lazy<IReadOnlyList<BenchmarkSpec>> AllLazy = new(Create);

    public static IReadOnlyList<string> Names { get; } = new[] { Ours, SyntheticYaml, SyntheticJson };

    public static IReadOnlyList<BenchmarkSpec> All => AllLazy.Value;

    public static BenchmarkSpec Get(string name) => All.Single(s => s.Name == name);

    private static BenchmarkSpec[] Create() => new[]
    {
        new BenchmarkSpec(Ours, "/specs/adobe-pass.openapi.yaml", File.ReadAllText(FindOurSpec()).Replace("\r\n", "\n", StringComparison.Ordinal)),
        new BenchmarkSpec(SyntheticYaml, "/specs/synthetic.openapi.yaml", SyntheticSpecBuilder.Build().Yaml),
        new BenchmarkSpec(SyntheticJson, "/specs/synthetic-public.openapi.json", SyntheticJsonSpecBuilder.Build().Json),
    };

    public static string FindOurSpec()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "spec", "adobe-pass.openapi.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("spec/adobe-pass.openapi.yaml not found above " + AppContext.BaseDirectory);
    }
}
