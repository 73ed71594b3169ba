using System.Collections.Generic;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting.Runtime;

/// <summary>
/// The support code every generated client uses, emitted once per spec into its namespace (public
/// types) and its <c>.Internal</c> namespace (helpers), so a consumer needs no runtime package.
/// </summary>
internal static class RuntimeEmitter
{
    public static IEnumerable<GeneratedFile> Emit(ApiModel model)
    {
        yield return File(model, "ApiException", RuntimeTemplates.ApiException);
        yield return File(model, "ApiResponse", RuntimeTemplates.ApiResponse);
        yield return File(model, "ApiRequestOptions", RuntimeTemplates.ApiRequestOptions);
        yield return File(model, "Internal.ClientRuntime", RuntimeTemplates.ClientRuntime, internalNamespace: true);
        yield return File(model, "Internal.JsonValueReader", RuntimeTemplates.JsonValueReader, internalNamespace: true);
        yield return File(model, "Internal.JsonValueWriter", RuntimeTemplates.JsonValueWriter, internalNamespace: true);
    }

    private static GeneratedFile File(ApiModel model, string part, string body, bool internalNamespace = false)
    {
        var writer = new SourceWriter().FileHeader("the CmuContracts runtime template");
        writer.Line("namespace " + model.Namespace + (internalNamespace ? ".Internal" : string.Empty) + ";");
        writer.Line();
        writer.Lines(body);
        return new GeneratedFile(model.HintPrefix + "." + part + ".g.cs", writer.ToString());
    }
}
