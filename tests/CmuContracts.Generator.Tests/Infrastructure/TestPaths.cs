namespace CmuContracts.Generator.Tests.Infrastructure;

/// <summary>
/// Finds the repository's spec and the project's own corpus of OpenAPI descriptions (<c>Corpus/</c> beside these
/// tests) from the test's output folder; and, only when it happens to be there, the public examples beside the
/// repository.
/// </summary>
internal static class TestPaths
{
    private static readonly string[] CorpusExtensions = { ".yaml", ".json" };

    private static readonly Lazy<string> RepoRootLazy = new(() => WalkUp(
        dir => File.Exists(Path.Combine(dir, "spec", "adobe-pass.openapi.yaml")),
        "a directory containing spec/adobe-pass.openapi.yaml (the repository root)"));

    private static readonly Lazy<string?> PublicExamplesLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(RepoRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "specs-corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    });

    public static string RepoRoot => RepoRootLazy.Value;

    public static string OurSpecPath => Path.Combine(RepoRoot, "spec", "adobe-pass.openapi.yaml");

    /// <summary>The project's own corpus: OpenAPI 3.0 and 3.1 descriptions, YAML and JSON, written for these tests.</summary>
    public static string CorpusDirectory => Path.Combine(RepoRoot, "tests", "CmuContracts.Generator.Tests", "Corpus");

    /// <summary>The corpus files (full paths of every *.yaml and *.json in <see cref="CorpusDirectory"/>), sorted by name.</summary>
    public static IReadOnlyList<string> CorpusFiles() =>
        Directory.GetFiles(CorpusDirectory)
            .Where(f => CorpusExtensions.Contains(Path.GetExtension(f), StringComparer.Ordinal))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToArray();

    /// <summary>The corpus spec names (file stems such as <c>library-catalogue</c>), sorted.</summary>
    public static IReadOnlyList<string> CorpusNames() => CorpusFiles().Select(f => Path.GetFileNameWithoutExtension(f)).ToArray();

    /// <summary>The corpus file of a spec name, whichever its format.</summary>
    public static string CorpusFile(string name)
    {
        var matches = CorpusFiles().Where(f => Path.GetFileNameWithoutExtension(f) == name).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"Expected one corpus file named '{name}' in {CorpusDirectory}, found {matches.Count}.");
    }

    /// <summary>
    /// The OpenAPI Initiative's public examples, when a checkout puts them at <c>shared/specs-corpus</c> in a folder
    /// above the repository (found by walking up); null otherwise, as on a fresh clone. They are an extra check only:
    /// every test that must run everywhere reads <see cref="CorpusDirectory"/>.
    /// </summary>
    public static string? PublicExamplesDirectory => PublicExamplesLazy.Value;

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
