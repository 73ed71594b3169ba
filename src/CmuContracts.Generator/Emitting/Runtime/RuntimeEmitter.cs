using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Emitting.Refit;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting.Runtime;

/// <summary>
/// The support code the generated models and Refit clients use, emitted once per spec into its
/// namespace (public types) and its <c>.Internal</c> namespace (helpers). Refit itself supplies the
/// response wrapper, the exception and the request plumbing.
/// </summary>
internal static class RuntimeEmitter
{
    public static IEnumerable<GeneratedFile> Emit(ApiModel model, bool clients)
    {
        if (clients)
        {
            yield return File(model, "ApiRequestOptions", RuntimeSources.ApiRequestOptions);
            yield return File(model, "ApiOperation", RuntimeSources.ApiOperation);
            yield return File(model, "ApiParameter", RuntimeSources.ApiParameter);
            yield return File(model, "ApiServer", RuntimeSources.ApiServer);
            if (UsesListMapConverter(model))
            {
                yield return File(model, "Internal.QueryConverters", RuntimeSources.QueryConverters);
            }

            if (UsesReservedConverters(model))
            {
                yield return File(model, "Internal.ReservedQueryConverters", RuntimeSources.ReservedQueryConverters);
            }

            if (StreamMethods.AnyIn(model))
            {
                yield return File(model, "Internal.EventStreamReader", RuntimeSources.EventStreamReader);
            }
        }

        yield return File(model, "Internal.GeneratedJson", RuntimeSources.GeneratedJson);
        yield return File(model, "Internal.JsonValueReader", RuntimeSources.JsonValueReader);
        yield return File(model, "Internal.JsonValueWriter", RuntimeSources.JsonValueWriter);
    }

    /// <summary>The map converters are emitted only where a query parameter needs them (they reference Refit).</summary>
    private static bool UsesListMapConverter(ApiModel model) =>
        model.Clients.SelectMany(c => c.Operations).SelectMany(o => o.Parameters)
            .Any(p => p.Location == ParameterLocation.Query && p.Type.Kind == TypeKind.Map);

    /// <summary>The allowReserved converters, only where a query parameter is marked <c>allowReserved: true</c>.</summary>
    private static bool UsesReservedConverters(ApiModel model) =>
        model.Clients.SelectMany(c => c.Operations).SelectMany(o => o.Parameters).Any(p => p.AllowReserved);

    private static GeneratedFile File(ApiModel model, string part, string source)
    {
        var writer = new SourceWriter().FileHeader("the CmuContracts runtime template");
        writer.Lines(RuntimeSources.InNamespace(source, model.Namespace));
        return new GeneratedFile(model.HintPrefix + "." + part + ".g.cs", writer.ToString());
    }
}
