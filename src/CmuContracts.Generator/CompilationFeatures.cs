using System;
using CmuContracts.Generator.Emitting.Refit;
using Microsoft.CodeAnalysis;

namespace CmuContracts.Generator;

/// <summary>
/// What the compilation references that the generated code depends on, reduced to values so the
/// step caches across edits (no symbols kept).
/// </summary>
/// <param name="RefitProblem">Why the referenced Refit cannot serve generated clients, or null when it can.</param>
/// <param name="HasRefitHttpClientFactory">Refit.HttpClientFactory is referenced: emit the DI extensions.</param>
/// <param name="Refit">What the referenced Refit's generated-code helpers look like (16.4's when there is a problem).</param>
internal sealed record CompilationFeatures(string? RefitProblem, bool HasRefitHttpClientFactory, RefitApi Refit)
{
    /// <summary>
    /// The releases the differential tests prove in CI (16.4 and 17). The helpers generated code calls are marked
    /// for generated code only and changed between 16.4 and 17, so a release nobody compared is refused (CMU1012)
    /// rather than compiled into code that may fail to build or behave differently.
    /// </summary>
    public const string SupportedRange = "[16.4.0, 18.0.0)";

    private static readonly Version Minimum = new(16, 4);
    private static readonly Version Ceiling = new(18, 0);

    public static CompilationFeatures From(Compilation compilation)
    {
        // Looked up in the two assemblies by name: Compilation.GetTypeByMetadataName searches every reference, which
        // on a new compilation (every edit) cost as much as a tenth of a full generator run.
        IAssemblySymbol? refit = null;
        var factory = false;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name == "Refit")
            {
                refit ??= assembly;
            }
            else if (assembly.Name == "Refit.HttpClientFactory")
            {
                factory |= assembly.GetTypeByMetadataName("Refit.HttpClientFactoryExtensions") is not null;
            }
        }

        var runner = refit?.GetTypeByMetadataName("Refit.GeneratedRequestRunner");
        if (runner is null)
        {
            return new CompilationFeatures(
                refit is null ? "the compilation does not reference Refit" : "the referenced Refit " + refit.Identity.Version + " lacks the generated-code helpers (GeneratedRequestRunner)",
                factory,
                RefitApi.Refit16);
        }

        // Refit's assembly version is 16.0.0.0 for every 16.x; the informational version has the release.
        var version = InformationalVersion(runner.ContainingAssembly) ?? runner.ContainingAssembly.Identity.Version;
        if (version < Minimum || version >= Ceiling)
        {
            // ToString(3) throws on a two-part version such as an informational "18.0".
            var shown = version.Build >= 0 ? version.ToString(3) : version.ToString();
            return new CompilationFeatures("the referenced Refit is " + shown + ", outside " + SupportedRange, factory, RefitApi.Refit16);
        }

        // What to emit follows the helpers' shape, not the number: Refit 17 passes form field names as a struct.
        var formFieldNames = runner.ContainingAssembly.GetTypeByMetadataName("Refit.FormFieldNames") is not null;
        return new CompilationFeatures(null, factory, formFieldNames ? RefitApi.Refit17 : RefitApi.Refit16);
    }

    private static Version? InformationalVersion(IAssemblySymbol assembly)
    {
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "AssemblyInformationalVersionAttribute"
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string text)
            {
                var end = 0;
                while (end < text.Length && (char.IsDigit(text[end]) || text[end] == '.'))
                {
                    end++;
                }

                if (Version.TryParse(text.Substring(0, end).TrimEnd('.'), out var version))
                {
                    return version;
                }
            }
        }

        return null;
    }
}
