using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Refit;

namespace CmuContracts.Generator.Tests.Infrastructure;

/// <summary>
/// A spec's generated client compiled to memory and loaded in its own collectible context (Refit from the default
/// one), with its module initializer run, so a test can call it over a real HTTP connection.
/// </summary>
internal sealed class LoadedClient
{
    private LoadedClient(Assembly assembly) => Assembly = assembly;

    public Assembly Assembly { get; }

    /// <summary>The target framework's symbols, as an SDK build defines them: the registration is under <c>#if NET5_0_OR_GREATER</c>.</summary>
    private static readonly CSharpParseOptions ParseOptions = GeneratorHarness.ParseOptions.WithPreprocessorSymbols(
        new[] { "NET", "NET10_0", "NETCOREAPP" }.Concat(Enumerable.Range(5, 6).Select(v => "NET" + v + "_0_OR_GREATER")));

    public static LoadedClient Compile(SpecFile spec)
    {
        var compilation = CSharpCompilation.Create("Wire_" + Guid.NewGuid().ToString("N"), Array.Empty<SyntaxTree>(), TestReferences.WithHttp, GeneratorHarness.CompilationOptions);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            generators: new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            additionalTexts: ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(spec.Path, spec.Text)),
            parseOptions: ParseOptions,
            optionsProvider: GeneratorHarness.OptionsFor(new[] { spec }));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        if (diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            throw new InvalidOperationException("The generator reported:\n" + string.Join("\n", diagnostics));
        }

        using var pe = new MemoryStream();
        var result = output.Emit(pe);
        if (!result.Success)
        {
            throw new InvalidOperationException("Emit failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        }

        pe.Position = 0;
        var assembly = new AssemblyLoadContext("wire " + spec.Path, isCollectible: true).LoadFromStream(pe);
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        return new LoadedClient(assembly);
    }

    /// <summary>The generated implementation of the interface named <paramref name="interfaceName"/>, through Refit's registry.</summary>
    public object Create(string interfaceName, HttpClient http, RefitSettings? settings = null)
    {
        var type = Assembly.GetExportedTypes().Single(t => t.Name == interfaceName);
        return RestService.ForGenerated(type, http, settings ?? new RefitSettings());
    }

    /// <summary>Calls <paramref name="method"/> and awaits its task; returns its result (null for a plain Task).</summary>
    public static async Task<object?> CallAsync(object client, string method, params object?[] arguments)
    {
        var info = client.GetType().GetInterfaces().SelectMany(i => i.GetMethods()).Single(m => m.Name == method);
        var task = (Task)info.Invoke(client, arguments)!;
        await task;
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }

    /// <summary>A public property of a generated object, by name.</summary>
    public static object? Property(object value, string name) => value.GetType().GetProperty(name)!.GetValue(value);
}
