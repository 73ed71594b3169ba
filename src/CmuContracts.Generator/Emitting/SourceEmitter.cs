using System.Collections.Generic;
using CmuContracts.Generator.Emitting.Runtime;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>ApiModel -> every generated file for one spec, in a fixed order with stable hint names.</summary>
internal static class SourceEmitter
{
    public static IReadOnlyList<GeneratedFile> Emit(ApiModel model, bool emitServiceCollection)
    {
        var index = new ApiModelIndex(model);
        var files = new List<GeneratedFile>(RuntimeEmitter.Emit(model));
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
            var writer = models;
            switch (type.Kind)
            {
                case TypeModelKind.Enum:
                    EnumEmitter.Emit(writer, type, index);
                    break;
                case TypeModelKind.Union:
                    UnionEmitter.Emit(writer, type, index);
                    break;
                default:
                    ObjectEmitter.Emit(writer, type, index);
                    break;
            }

        }

        if (model.Types.Count > 0)
        {
            files.Add(new GeneratedFile(model.HintPrefix + ".Models.g.cs", models.ToString()));
        }

        foreach (var client in model.Clients)
        {
            var writer = new SourceWriter().FileHeader(source);
            ClientEmitter.Emit(writer, client, index);
            files.Add(new GeneratedFile(model.HintPrefix + "." + client.Name + "Client.g.cs", writer.ToString()));
        }

        var context = new SourceWriter().FileHeader(source);
        JsonContextEmitter.Emit(context, index);
        files.Add(new GeneratedFile(model.HintPrefix + "." + model.ClientName + "JsonContext.g.cs", context.ToString()));

        if (emitServiceCollection && model.Clients.Count > 0)
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
