using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;
using NJsonSchema.CodeGeneration.CSharp;

namespace CmuContracts.Benchmarks;

/// <summary>
/// NSwag's C# client generator over the same spec text: read the document (NSwag.Core, or NSwag.Core.Yaml for
/// YAML), then write one file. System.Text.Json, client interfaces on, one client per first tag (as ours groups).
/// </summary>
internal static class NSwagGenerator
{
    public static string Generate(BenchmarkSpec spec)
    {
        // NSwag's readers are async but do no I/O for a self-contained document.
        var document = spec.IsJson
            ? OpenApiDocument.FromJsonAsync(spec.Text).GetAwaiter().GetResult()
            : OpenApiYamlDocument.FromYamlAsync(spec.Text).GetAwaiter().GetResult();
        var settings = new CSharpClientGeneratorSettings
        {
            GenerateClientInterfaces = true,
            ClassName = "{controller}Client",
            OperationNameGenerator = new MultipleClientsFromFirstTagAndOperationIdGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = "Bench.NSwag";
        settings.CSharpGeneratorSettings.JsonLibrary = CSharpJsonLibrary.SystemTextJson;
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }

    public static GeneratedOutput Output(BenchmarkSpec spec) =>
        new("NSwag 14.8.0", spec.Name, new[] { new GeneratedFile("NSwagClient.cs", Generate(spec)) });
}
