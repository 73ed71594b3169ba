using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Refit;

namespace CmuContracts.Generator.Tests.Differential;

/// <summary>
/// The Refit package as the differential tests use it: its assemblies as compilation references and its own
/// source generator (<c>InterfaceStubGeneratorV2.dll</c> from <c>analyzers/dotnet/roslyn4.8/cs</c>), found under the
/// NuGet package root the test project restored from.
/// </summary>
internal static class RefitPackage
{
    private const string GeneratorRelativePath = "analyzers/dotnet/roslyn4.8/cs/InterfaceStubGeneratorV2.dll";

    private static readonly Lazy<ImmutableArray<MetadataReference>> ReferencesLazy = new(() => ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(RestService).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Refit.HttpClientFactoryExtensions).Assembly.Location)));

    private static readonly Lazy<ImmutableArray<ISourceGenerator>> GeneratorsLazy = new(LoadGenerators);

    /// <summary>The referenced Refit's release (its informational version without the commit), e.g. 16.4.0.</summary>
    public static string Version { get; } =
        typeof(RestService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    /// <summary>Refit and Refit.HttpClientFactory, as restored for this project (16.4 here, 17 in the Refit 17 tests).</summary>
    public static ImmutableArray<MetadataReference> References => ReferencesLazy.Value;

    /// <summary>Refit's own C# source generators, loaded from the package.</summary>
    public static ImmutableArray<ISourceGenerator> Generators => GeneratorsLazy.Value;

    public static string GeneratorPath => Path.Combine(PackageDirectory(), GeneratorRelativePath);

    private static ImmutableArray<ISourceGenerator> LoadGenerators()
    {
        var path = GeneratorPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Refit's source generator was not found at '{path}'.");
        }

        var reference = new AnalyzerFileReference(path, new DefaultContextLoader());
        var generators = reference.GetGenerators(LanguageNames.CSharp);
        if (generators.IsEmpty)
        {
            throw new InvalidOperationException($"'{path}' holds no C# source generator.");
        }

        return generators;
    }

    /// <summary>
    /// The restored package folder: the build records it (<c>$(PkgRefit)</c>) as assembly metadata; otherwise the
    /// NuGet package root (<c>NUGET_PACKAGES</c> or the user's default) plus <c>refit/{version}</c>.
    /// </summary>
    private static string PackageDirectory()
    {
        var recorded = typeof(RefitPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RefitPackageDirectory")?.Value;
        if (!string.IsNullOrEmpty(recorded) && Directory.Exists(recorded))
        {
            return recorded;
        }

        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        return Path.Combine(root, "refit", Version);
    }

    /// <summary>Loads the generator into the default context, where this process's Roslyn already lives.</summary>
    private sealed class DefaultContextLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
