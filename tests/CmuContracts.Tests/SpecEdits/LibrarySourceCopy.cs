namespace CmuContracts.Tests.SpecEdits;

/// <summary>
/// What it takes to build the library from source, copied from the repository into a directory of its own: the root
/// build files, <c>spec/</c>, and the library, generator and generator-runtime projects (without bin/ and obj/).
/// Restores use the same package sources as the repository (a <c>nuget.config</c> is copied when there is one).
/// </summary>
internal static class LibrarySourceCopy
{
    private static readonly string[] RootFiles =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "nuget.config", "NuGet.Config", ".editorconfig"];

    private static readonly string[] Directories =
        ["spec", "src/CmuContracts", "src/CmuContracts.Generator", "src/CmuContracts.Generator.Runtime"];

    /// <summary>The spec, relative to the root of the copy.</summary>
    public const string SpecPath = "spec/adobe-pass.openapi.yaml";

    /// <summary>The library's project, relative to the root of the copy.</summary>
    public const string LibraryProject = "src/CmuContracts/CmuContracts.csproj";

    public static void CopyTo(string repositoryRoot, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in RootFiles.Select(f => Path.Combine(repositoryRoot, f)).Where(File.Exists))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var directory in Directories)
        {
            CopyDirectory(Path.Combine(repositoryRoot, directory), Path.Combine(destination, directory));
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var sub in Directory.EnumerateDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            CopyDirectory(sub, Path.Combine(to, Path.GetFileName(sub)));
        }
    }
}
