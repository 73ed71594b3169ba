using System.Linq;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>
/// Per operation, a method that parses a non-success body as the type the spec declares for that
/// status: exact codes first, then ranges (4XX), then default. Text bodies become strings.
/// </summary>
internal static class ErrorReaderEmitter
{
    public static void Emit(SourceWriter w, OperationModel op, ApiModelIndex index)
    {
        var rt = "global::" + index.Model.Namespace + ".Internal.ClientRuntime.";
        w.Open("private static object? Read" + op.Name + "Error(int status, string? mediaType, byte[] body)");
        var ordered = op.Errors.Where(e => e.Body is not null)
            .OrderBy(e => e.StatusCode == "default" ? 2 : e.StatusCode.EndsWith("XX", System.StringComparison.OrdinalIgnoreCase) ? 1 : 0)
            .ToList();
        foreach (var error in ordered.Where(e => e.StatusCode != "default"))
        {
            var body = error.Body!;
            var status = error.StatusCode switch
            {
                var range when range.EndsWith("XX", System.StringComparison.OrdinalIgnoreCase) => "status / 100 == " + range.Substring(0, 1),
                var code => "status == " + code,
            };
            if (body.Kind == MediaKind.Json)
            {
                w.Open("if (" + status + " && " + rt + "IsJson(mediaType))");
                w.Line("return " + rt + "ReadJsonError<" + CSharpTypes.Of(body.Type with { IsNullable = false }) + ">(body, static (ref global::System.Text.Json.Utf8JsonReader r0) => "
                    + JsonCode.Read(body.Type with { IsNullable = false }, "r0", 0, index) + ");");
            }
            else
            {
                w.Open("if (" + status + ")");
                w.Line("return global::System.Text.Encoding.UTF8.GetString(body);");
            }

            w.Close();
            w.Line();
        }

        // The default response covers every other status.
        var fallback = ordered.FirstOrDefault(e => e.StatusCode == "default")?.Body;
        if (fallback is { Kind: MediaKind.Json })
        {
            w.Line("return " + rt + "IsJson(mediaType) ? " + rt + "ReadJsonError<" + CSharpTypes.Of(fallback.Type with { IsNullable = false })
                + ">(body, static (ref global::System.Text.Json.Utf8JsonReader r0) => " + JsonCode.Read(fallback.Type with { IsNullable = false }, "r0", 0, index) + ") : null;");
        }
        else if (fallback is not null)
        {
            w.Line("return global::System.Text.Encoding.UTF8.GetString(body);");
        }
        else
        {
            w.Line("return null;");
        }

        w.Close();
    }
}
