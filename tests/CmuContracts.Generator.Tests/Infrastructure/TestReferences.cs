using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CmuContracts.Generator.Tests.Infrastructure;

/// <summary>
/// Metadata references for compiling generated code, created once per test run (creating them is the
/// expensive part of a compilation). <see cref="Framework"/> is the running shared framework only;
/// <see cref="WithHttp"/> adds Microsoft.Extensions.Http and what it needs, which turns on DI registration.
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkOnlyLazy = new(CreateFramework);
    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkLazy = new(() => Add(FrameworkOnly, typeof(Refit.RestService).Assembly));
    private static readonly Lazy<ImmutableArray<MetadataReference>> WithHttpLazy = new(CreateWithHttp);

    /// <summary>The shared framework alone: no Refit, so the generator emits models only (CMU1012).</summary>
    public static ImmutableArray<MetadataReference> FrameworkOnly => FrameworkOnlyLazy.Value;

    /// <summary>The framework and Refit: what the generator package brings a consumer.</summary>
    public static ImmutableArray<MetadataReference> Framework => FrameworkLazy.Value;

    /// <summary>Also Refit.HttpClientFactory and Microsoft.Extensions.*: the DI extensions are emitted.</summary>
    public static ImmutableArray<MetadataReference> WithHttp => WithHttpLazy.Value;

    public static ImmutableArray<MetadataReference> For(bool withHttp) => withHttp ? WithHttp : Framework;

    private static ImmutableArray<MetadataReference> CreateFramework()
    {
        // TRUSTED_PLATFORM_ASSEMBLIES also lists this test's own dependencies (Roslyn, xunit, Microsoft.Extensions.*),
        // so keep only the shared framework's assemblies: those beside System.Private.CoreLib.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var tpa = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")
            ?? throw new InvalidOperationException("The runtime did not provide TRUSTED_PLATFORM_ASSEMBLIES.");
        return tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDirectory, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private static ImmutableArray<MetadataReference> CreateWithHttp()
    {
        var extensions = new[]
        {
            typeof(Refit.HttpClientFactoryExtensions).Assembly,           // Refit.HttpClientFactory
            typeof(HttpClientFactoryServiceCollectionExtensions).Assembly, // Microsoft.Extensions.Http
            typeof(IHttpClientFactory).Assembly,                           // IHttpClientFactory's home (System.Net.Http on .NET, kept in case it moves)
            typeof(IServiceCollection).Assembly,                           // Microsoft.Extensions.DependencyInjection.Abstractions
            typeof(ServiceCollection).Assembly,                            // Microsoft.Extensions.DependencyInjection
            typeof(IOptions<>).Assembly,                                   // Microsoft.Extensions.Options
            typeof(ILogger).Assembly,                                      // Microsoft.Extensions.Logging.Abstractions
            typeof(LoggerFactory).Assembly,                                // Microsoft.Extensions.Logging
        };

        return Add(Framework, extensions);
    }

    private static ImmutableArray<MetadataReference> Add(ImmutableArray<MetadataReference> references, params System.Reflection.Assembly[] assemblies)
    {
        var present = new HashSet<string>(references.Select(r => ((PortableExecutableReference)r).FilePath!), StringComparer.Ordinal);
        var added = assemblies
            .Select(a => a.Location)
            .Distinct(StringComparer.Ordinal)
            .Where(p => !present.Contains(p))
            .Order(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        return references.AddRange(added);
    }
}
