using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting.Refit;

/// <summary>
/// Extensions that read a declared JSON error body from Refit's <c>ApiException</c> with the
/// generated readers (no reflection): one <c>TryGet{Type}</c> per model some operation declares as an error.
/// </summary>
internal static class ErrorExtensionsEmitter
{
    /// <summary>A JSON error body of a generated class: it gets a <c>TryGet...</c> extension.</summary>
    public static bool HasExtension(ErrorResponseModel error, ApiModelIndex index) =>
        error.Body is { Kind: MediaKind.Json, Type.Kind: TypeKind.Named } body && !CSharpTypes.IsValueType(body.Type, index);

    public static IReadOnlyList<TypeRef> ErrorTypes(ApiModelIndex index) => index.Model.Clients
        .SelectMany(c => c.Operations).SelectMany(o => o.Errors)
        .Where(e => HasExtension(e, index))
        .Select(e => e.Body!.Type with { IsNullable = false })
        .Distinct()
        .OrderBy(t => t.Name, System.StringComparer.Ordinal)
        .ToList();

    public static void Emit(SourceWriter w, ApiModelIndex index, IReadOnlyList<TypeRef> types)
    {
        var model = index.Model;
        w.Line("namespace ", model.Namespace, ";");
        w.Line();
        w.Line("/// <summary>Reads the error bodies the spec declares from a Refit <see cref=\"global::Refit.ApiException\"/> (also <c>IApiResponse.Error</c>).</summary>");
        w.Open("public static partial class " + model.ClientName + "ApiExceptionExtensions");
        var first = true;
        foreach (var type in types)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            var csharp = CSharpTypes.Of(type);
            w.Line("/// <summary>Reads the exception's body as <see cref=\"", csharp, "\"/> when it is JSON of that shape.</summary>");
            w.Line("/// <param name=\"exception\">The exception Refit threw, or the response's <c>Error</c>.</param>");
            w.Line("/// <param name=\"error\">The error body, when it could be read.</param>");
            w.Line("/// <returns>True when the body was JSON and matched the type.</returns>");
            w.Open("public static bool TryGet" + type.Name + "(this global::Refit.ApiException exception, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out " + csharp + "? error)");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(exception);");
            w.Line("error = null;");
            w.Line("var mediaType = exception.ContentHeaders?.ContentType?.MediaType;");
            w.Open("if (exception.Content is not { Length: > 0 } content || mediaType is null || !(mediaType.EndsWith(\"/json\", global::System.StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith(\"+json\", global::System.StringComparison.OrdinalIgnoreCase)))");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Open("try");
            w.Line("var reader = new global::System.Text.Json.Utf8JsonReader(global::System.Text.Encoding.UTF8.GetBytes(content));");
            w.Line("reader.Read();");
            w.Line("error = ", JsonCode.Read(type, "reader", 0, index, JsonScope.Qualified), ";");
            w.Line("return true;");
            w.Close();
            w.Open("catch (global::System.Exception ex) when (ex is global::System.Text.Json.JsonException or global::System.FormatException or global::System.InvalidOperationException or global::System.OverflowException or global::System.ArgumentException)");
            w.Line("// A body that does not match the spec stays readable as text in exception.Content.");
            w.Line("error = null;");
            w.Line("return false;");
            w.Close();
            w.Close();
        }

        w.Close();
    }
}
