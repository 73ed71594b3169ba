using CmuContracts.Generator.Tests.Infrastructure;

namespace CmuContracts.Generator.Tests.Packaging;

/// <summary>
/// The generator packed once per test class into a temporary folder feed, under a version of its own, so what a
/// consumer restores is this build and never a cached package; consumers are written beside the feed, outside the
/// repository and its build files. Disposing deletes the folder and the version from the NuGet cache.
/// </summary>
public sealed class PackedGenerator : IDisposable
{
    public PackedGenerator()
    {
        Version = "0.1.0-test." + Guid.NewGuid().ToString("N")[..12];
        Root = Path.Combine(Path.GetTempPath(), "cmu-package-test-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);

        // A consumer isolated from the repository's build files and central package management.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
        // The feed is added to the machine's usual sources (NuGet merges the user-level config), as a user would.
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="cmu-test-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

        Pack = DotnetCli.Run(TestPaths.RepoRoot, "pack", "src/CmuContracts.Generator", "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-p:UseSharedCompilation=false");
        Package = Path.Combine(Feed, $"CmuContracts.Generator.{Version}.nupkg");
    }

    public string Version { get; }

    public string Root { get; }

    public string Feed { get; }

    public ProcessResult Pack { get; }

    public string Package { get; }

    /// <summary>Where NuGet restores packages on this machine (NUGET_PACKAGES or the user's default).</summary>
    public static string GlobalPackagesFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>A consumer project folder with <paramref name="files"/> (name, text) and the corpus specs named in <paramref name="specs"/> (corpus name, file name).</summary>
    public string CreateConsumer(string name, IEnumerable<(string Name, string Text)> files, IEnumerable<(string Corpus, string FileName)> specs)
    {
        var directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(directory, file), text);
        }

        foreach (var (corpus, fileName) in specs)
        {
            File.Copy(TestPaths.CorpusFile(corpus), Path.Combine(directory, fileName));
        }

        return directory;
    }

    public void Dispose()
    {
        TryDelete(Root);
        TryDelete(Path.Combine(GlobalPackagesFolder, "cmucontracts.generator", Version));
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Leave it for the OS to clean up.
        }
    }
}
