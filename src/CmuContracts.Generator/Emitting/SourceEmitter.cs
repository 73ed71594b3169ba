using System.Collections.Generic;
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
    public static IReadOnlyList<GeneratedFile> Emit(ApiModel model, GenerationOptions options, bool clients, bool serviceCollection)
    {
        var index = new ApiModelIndex(model, options);
        clients &= model.Clients.Count > 0;
        var files = new List<GeneratedFile>(RuntimeEmitter.Emit(model, clients));
        var source = SourceName(model);
        // All models of a spec share one file: a cached generator run costs the driver time per
        // generated file, and large specs have a thousand schemas (docs/benchmarks.md).
        var models = new SourceWriter().FileHeader(source);
        var first = true;
        foreach (var type in model.Types)
        {
            if (!first)
            {
                models.Line();
            }

            first = false;
            switch (type.Kind)
            {
                case TypeModelKind.Enum:
                    EnumEmitter.Emit(models, type, index);
                    break;
                case TypeModelKind.Union:
                    UnionEmitter.Emit(models, type, index);
                    break;
                default:
                    ObjectEmitter.Emit(models, type, index);
                    break;
            }
        }

        if (model.Types.Count > 0)
        {
            files.Add(new GeneratedFile(model.HintPrefix + ".Models.g.cs", models.ToString()));
        }

        var context = new SourceWriter().FileHeader(source);
        JsonContextEmitter.Emit(context, index);
        files.Add(new GeneratedFile(model.HintPrefix + "." + model.ClientName + "JsonContext.g.cs", context.ToString()));
        if (!clients)
        {
            return files;
        }

        foreach (var client in model.Clients)
        {
            var writer = new SourceWriter().FileHeader(source);
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
        }

        var registration = new SourceWriter().FileHeader(source);
        RegistrationEmitter.Emit(registration, index);
        files.Add(new GeneratedFile(model.HintPrefix + "." + model.ClientName + "RefitRegistration.g.cs", registration.ToString()));

        var errorTypes = ErrorExtensionsEmitter.ErrorTypes(index);
        if (errorTypes.Count > 0)
        {
            var errors = new SourceWriter().FileHeader(source);
            ErrorExtensionsEmitter.Emit(errors, index, errorTypes);
            files.Add(new GeneratedFile(model.HintPrefix + "." + model.ClientName + "ApiExceptionExtensions.g.cs", errors.ToString()));
        }

        if (serviceCollection)
        {
            var services = new SourceWriter().FileHeader(source);
            ServiceCollectionEmitter.Emit(services, index);
            files.Add(new GeneratedFile(model.HintPrefix + "." + model.ClientName + "ServiceCollectionExtensions.g.cs", services.ToString()));
        }

        return files;
    }

    private static string SourceName(ApiModel model) =>
        (model.Title ?? model.ClientName) + (model.Version is null ? string.Empty : " " + model.Version);
}
