using System.Linq;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting.Refit;

/// <summary>
/// The variant of an operation that answers a stream (server-sent events, JSON Lines): <c>{Operation}StreamAsync</c>,
/// returning <c>IAsyncEnumerable&lt;T&gt;</c> of the events' data, read as they arrive by the runtime's
/// <c>EventStreamReader</c> (same request, same Refit authorization and exception factory; cancelled by the method's
/// token or the enumeration's).
/// </summary>
internal static class StreamMethods
{
    public static bool IsStream(ResponseBodyModel body) => body.Kind is MediaKind.EventStream or MediaKind.JsonLines;

    public static bool AnyIn(ApiModel model) => model.Clients.SelectMany(c => c.Operations).SelectMany(o => o.TextAlternatives).Any(IsStream);

    /// <summary>The stream variant's name without <c>Async</c>, which its raw twin shares (<c>{Operation}StreamRawAsync</c>).</summary>
    public static string Stem(OperationModel op) => op.Name + "Stream";

    public static string Name(OperationModel op) => Stem(op) + "Async";

    public static string ReturnType(string itemType) => "global::System.Collections.Generic.IAsyncEnumerable<" + itemType + ">";

    public static string ReturnsDoc(RefitMethod method) =>
        "Each event's data as it arrives (" + DocComments.Escape(method.Accept ?? "a stream") + "); enumerating sends the request.";

    public static void EmitReturn(SourceWriter w, RefitMethod method, SharedFields shared) =>
        w.Line("return global::", shared.Namespace, ".Internal.EventStreamReader.ReadAsync<", method.BodyType!, ">(Client, request, settings, ",
            shared.TypeInfo(method.Body!.Type with { IsNullable = false }), ", cancellationToken);");
}
