namespace CmuContracts.Generator.Tests.Infrastructure;

/// <summary>The specs the tests run on, as the generator sees them: stable fake paths and per-file options.</summary>
internal static class Specs
{
    public const string OurNamespace = "CmuContracts.AdobePass";
    public const string OurClientName = "AdobePass";
    public const string OurFakePath = "/specs/adobe-pass.openapi.yaml";

    /// <summary>Ours, under the options the CmuContracts project uses.</summary>
    public static SpecFile Ours() =>
        new(OurFakePath, Normalize(File.ReadAllText(TestPaths.OurSpecPath)), OurNamespace, OurClientName);

    /// <summary>
    /// A corpus spec by name (its file stem, e.g. <c>library-catalogue</c>): path <c>/specs/{file name}</c>, so a JSON
    /// spec is read as JSON; namespace <c>Corpus.{Name}</c>; client name left to the generator's default (from the file
    /// name). The file is not named *.openapi.*, so the CmuNamespace metadata is also what marks it as a spec.
    /// </summary>
    public static SpecFile Corpus(string name) => FromFile(TestPaths.CorpusFile(name), "Corpus");

    /// <summary>A file of the public examples beside the repository, as <see cref="Corpus"/> reads ours.</summary>
    public static SpecFile PublicExample(string path) => FromFile(path, "PublicExamples");

    private static SpecFile FromFile(string path, string namespaceRoot) =>
        new("/specs/" + Path.GetFileName(path), Normalize(File.ReadAllText(path)), namespaceRoot + "." + PascalCase(Path.GetFileNameWithoutExtension(path)));

    /// <summary>Ours plus every corpus spec, keyed by a short name for theory data.</summary>
    public static SpecFile ByName(string name) => name == "adobe-pass" ? Ours() : Corpus(name);

    public static IEnumerable<string> AllNames() => TestPaths.CorpusNames().Prepend("adobe-pass");

    /// <summary>"library-catalogue" -> "LibraryCatalogue" (the same rule the generator uses for default client names).</summary>
    public static string PascalCase(string stem) =>
        string.Concat(stem.Split('-', '_', '.', ' ').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    /// <summary>LF line endings, so a checkout with CRLF cannot change locations or snapshots.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
