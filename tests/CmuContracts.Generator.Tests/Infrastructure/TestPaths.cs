namespace CmuContracts.Generator.Tests.Infrastructure;

/// <summary>Finds the repository's spec and the shared public spec corpus from the test's output folder.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> RepoRootLazy = new(() => WalkUp(
        dir => File.Exists(Path.Combine(dir, "spec", "adobe-pass.openapi.yaml")),
        "a directory containing spec/adobe-pass.openapi.yaml (the repository root)"));

    private static readonly Lazy<string> CorpusLazy = new(() => Path.Combine(
        WalkUp(
            dir => Directory.Exists(Path.Combine(dir, "shared", "specs-corpus")),
            "a directory containing shared/specs-corpus (CI checks shared/ out beside the repository, i.e. <repo>/../shared)"),
        "shared",
        "specs-corpus"));

    public static string RepoRoot => RepoRootLazy.Value;

    public static string OurSpecPath => Path.Combine(RepoRoot, "spec", "adobe-pass.openapi.yaml");

    public static string CorpusDirectory => CorpusLazy.Value;

    /// <summary>The corpus spec names (file stems such as <c>petstore-expanded</c>), sorted.</summary>
    public static IReadOnlyList<string> CorpusNames() =>
        Directory.GetFiles(CorpusDirectory, "*.yaml")
            .Select(f => Path.GetFileNameWithoutExtension(f)!)
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static string WalkUp(Func<string, bool> found, string what)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (found(dir.FullName))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find {what} in any parent of '{AppContext.BaseDirectory}'.");
    }
}
