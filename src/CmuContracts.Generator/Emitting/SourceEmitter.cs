using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Emitting.Refit;
using CmuContracts.Generator.Emitting.Runtime;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>ApiModel -> every generated file for one spec, in a fixed order with stable hint names.</summary>
internal static class SourceEmitter
{
    /// <param name="model">The parsed spec.</param>
    /// <param name="options">The spec's emitting options.</param>
    /// <param name="clients">Emit the Refit clients (the compilation has a supported Refit); models are always emitted.</param>
    /// <param name="serviceCollection">Emit the DI extensions (Refit.HttpClientFactory is referenced).</param>
    /// <param name="refit">The referenced Refit's generated-code surface; null for 16.4's.</param>
    public static IReadOnlyList<GeneratedFile> Emit(ApiModel model, GenerationOptions options, bool clients, bool serviceCollection, RefitApi? refit = null)
    {
        var index = new ApiModelIndex(model, options, refit);
        clients &= model.Clients.Count > 0;
        var files = new List<GeneratedFile>(RuntimeEmitter.Emit(model, clients));
        var source = SourceName(model);
        // All models of a spec share one file, and all their JSON code another: a cached generator run costs the
        // driver time per generated file, and large specs have a thousand schemas (docs/benchmarks.md).
        if (model.Types.Count > 0)
        {
            files.Add(new GeneratedFile(model.HintPrefix + ".Models.g.cs", EmitModels(model, index, source)));
            files.Add(new GeneratedFile(model.HintPrefix + ".Internal.ModelJson.g.cs", EmitModelJson(model, index, source)));
        }

        var context = new SourceWriter().SpecFileHeader(source, JsonContextEmitter.Usings);
        JsonContextEmitter.Emit(context, index);
        files.Add(new GeneratedFile(model.HintPrefix + "." + model.ClientName + "JsonContext.g.cs", context.ToString()));
        if (!clients)
        {
            return files;
        }

        foreach (var client in model.Clients)
        {
            var writer = new SourceWriter().SpecFileHeader(source);
            writer.Open("namespace " + model.Namespace);
            InterfaceEmitter.Emit(writer, client, index);
            writer.Close();
            writer.Line();

            // Refit's SendAsync is annotated Task<T?> (a JSON null body reads as null), as in Refit's own clients.
            writer.Line("#pragma warning disable CS8619");
            writer.Open("namespace " + model.Namespace + ".Internal");
            ImplementationEmitter.Emit(writer, client, index);
            writer.Close();
            files.Add(new GeneratedFile(model.HintPrefix + "." + client.Name + "Client.g.cs", writer.ToString()));

            var operations = new SourceWriter().SpecFileHeader(source);
            OperationIndexEmitter.Emit(operations, client, index);
            files.Add(new GeneratedFile(model.HintPrefix + "." + OperationIndexEmitter.ClassName(client) + ".g.cs", operations.ToString()));
        }

        var registration = new SourceWriter().SpecFileHeader(source);
        RegistrationEmitter.Emit(registration, index);
        files.Add(new GeneratedFile(model.HintPrefix + "." + model.ClientName + "RefitRegistration.g.cs", registration.ToString()));
        files.AddRange(ObjectQueryConverters.Emit(index, source));

        var errorTypes = ErrorExtensionsEmitter.ErrorTypes(index);
        if (errorTypes.Count > 0)
        {
            var errors = new SourceWriter().SpecFileHeader(source);
            ErrorExtensionsEmitter.Emit(errors, index, errorTypes);
            files.Add(new GeneratedFile(model.HintPrefix + "." + model.ClientName + "ApiExceptionExtensions.g.cs", errors.ToString()));
        }

        if (serviceCollection)
        {
            var services = new SourceWriter().SpecFileHeader(source);
            ServiceCollectionEmitter.Emit(services, index);
            files.Add(new GeneratedFile(model.HintPrefix + "." + model.ClientName + "ServiceCollectionExtensions.g.cs", services.ToString()));
        }

        return files;
    }

    private static string EmitModels(ApiModel model, ApiModelIndex index, string source)
    {
        var w = new SourceWriter(EstimatedLength(model, perType: 400, perProperty: 150, withDescriptions: true)).SpecFileHeader(source, ObjectEmitter.Usings);
        w.Line("namespace ", model.Namespace, ";");
        foreach (var type in model.Types)
        {
            w.Line();
            switch (type.Kind)
            {
                case TypeModelKind.Enum:
                    EnumEmitter.EmitType(w, type);
                    break;
                case TypeModelKind.Union:
                    UnionEmitter.EmitType(w, type);
                    break;
                default:
                    ObjectEmitter.EmitType(w, type, index);
                    break;
            }
        }

        return w.ToString();
    }

    private static string EmitModelJson(ApiModel model, ApiModelIndex index, string source)
    {
        // The file is in the models' namespace (it completes their partial declarations) and imports the helpers'
        // namespace and members. File-level imports rank below every type of that namespace, so they never shadow a
        // schema; and no schema, property or enum value takes a helper's name (TypeRegistry, RuntimeNames).
        var w = new SourceWriter(EstimatedLength(model, perType: 500, perProperty: 150, withDescriptions: false)).SpecFileHeader(
            source,
            "using global::" + model.Namespace + ".Internal;",
            "using static global::" + model.Namespace + ".Internal.JsonValueReader;",
            "using static global::" + model.Namespace + ".Internal.JsonValueWriter;",
            "using SetsRequiredMembers = global::System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute;",
            "using Utf8JsonReader = global::System.Text.Json.Utf8JsonReader;",
            "using Utf8JsonWriter = global::System.Text.Json.Utf8JsonWriter;",
            "using JsonValueKind = global::System.Text.Json.JsonValueKind;");
        // A lenient reader leaves a required property it did not find unset (StrictRequired throws instead).
        w.Line("#pragma warning disable CS8618");
        w.Line();
        w.Line("namespace ", model.Namespace, ";");
        // Each type's own partial declaration: Roslyn compiles types in parallel (one class of thousands of methods
        // builds slower).
        foreach (var type in model.Types)
        {
            w.Line();
            switch (type.Kind)
            {
                case TypeModelKind.Enum:
                    EnumEmitter.EmitJson(w, type);
                    break;
                case TypeModelKind.Union:
                    UnionEmitter.EmitJson(w, type, index);
                    break;
                default:
                    ObjectEmitter.EmitJson(w, type, index);
                    break;
            }
        }

        return w.ToString();
    }

    /// <summary>A generous estimate of a models file's length, from the typical size of its per-type and per-property code.</summary>
    private static int EstimatedLength(ApiModel model, int perType, int perProperty, bool withDescriptions)
    {
        var length = 4096L;
        foreach (var type in model.Types)
        {
            length += perType + ((long)perProperty * (type.Properties.Count + type.EnumMembers.Count + type.Variants.Count));
            if (withDescriptions)
            {
                length += (type.Description?.Length ?? 0) + type.Properties.Sum(p => (long)(p.Description?.Length ?? 0));
            }
        }

        return (int)System.Math.Min(length, 256L * 1024 * 1024);
    }

    private static string SourceName(ApiModel model) =>
        (model.Title ?? model.ClientName) + (model.Version is null ? string.Empty : " " + model.Version);
}
