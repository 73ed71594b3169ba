using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting.Refit;

/// <summary>
/// One tag's operations as a Refit interface: HTTP method and path attributes, parameter bindings,
/// static headers (Accept, and <c>Authorization: Bearer</c> where the spec's security needs a token),
/// docs from the spec, and the <c>CancellationToken</c> last.
/// </summary>
internal static class InterfaceEmitter
{
    public static void Emit(SourceWriter w, ClientModel client, ApiModelIndex index)
    {
        DocComments.Summary(w, client.Description, "The " + client.Name + " operations.");
        w.Line("/// <remarks>A Refit interface: create it with <c>RestService.ForGenerated</c> or register it with <c>AddRefitGeneratedClient</c>.</remarks>");
        w.Open("public partial interface I" + client.Name + "Client");
        var first = true;
        var documented = new Dictionary<(string Name, string Text), string>();
        foreach (var op in client.Operations)
        {
            var parameters = RefitParameter.For(op, index);
            foreach (var method in RefitMethod.For(op, index))
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                Docs(w, method, parameters, index, documented);
                if (op.IsDeprecated)
                {
                    w.Line("[global::System.Obsolete(\"Deprecated in the spec.\")]");
                }

                w.Line("[global::Refit.", HttpAttribute(op.HttpMethod), "(", Literals.String(op.Path), ")]");
                if (op.Body?.Kind == MediaKind.Multipart)
                {
                    w.Line("[global::Refit.Multipart]");
                }

                if (method.StaticHeaders.Count > 0)
                {
                    w.Line("[global::Refit.Headers(", string.Join(", ", method.StaticHeaders.Select(h => Literals.String(h.Name + ": " + h.Value))), ")]");
                }

                w.Line(method.ReturnType, " ", method.Name, "(", RefitParameter.Declaration(parameters, attributes: true, defaults: true), ");");
            }
        }

        w.Close();
    }

    /// <summary>The Refit attribute of an HTTP method (the parser skips TRACE, which Refit cannot send).</summary>
    public static string HttpAttribute(string method) => method switch
    {
        "GET" => "Get",
        "POST" => "Post",
        "PUT" => "Put",
        "DELETE" => "Delete",
        "PATCH" => "Patch",
        "HEAD" => "Head",
        _ => "Options",
    };

    /// <summary>Shorter than this, a parameter's text is repeated rather than referenced.</summary>
    private const int SharedDocLength = 120;

    private static void Docs(SourceWriter w, RefitMethod method, IReadOnlyList<RefitParameter> parameters, ApiModelIndex index,
        Dictionary<(string Name, string Text), string> documented)
    {
        var op = method.Operation;
        if (method.IsRaw)
        {
            // The same request as the method it mirrors: its docs are that method's.
            w.Line("/// <inheritdoc cref=\"", method.ReadingName, "\"/>");
            w.Line("/// <returns>The response unread, whatever its status (no exception for a non-success one), sent with ",
                method.Accept is null ? "no <c>Accept</c>" : "<c>Accept: " + DocComments.Escape(method.Accept) + "</c>", "; the caller disposes it.</returns>");
            return;
        }

        if (method.IsAlternative)
        {
            // The same operation in another media type: its docs are the primary method's.
            w.Line("/// <inheritdoc cref=\"", op.Name, "Async\"/>");
            w.Line("/// <returns>", method.IsStream ? StreamMethods.ReturnsDoc(method) : "The response body as " + DocComments.Escape(method.Accept ?? "text") + ".", "</returns>");
            return;
        }

        var summary = op.Summary ?? op.Description ?? (op.HttpMethod + " " + op.Path);
        DocComments.Summary(w, summary);
        if (op.Summary is not null && op.Description is not null)
        {
            w.Line("/// <remarks>");
            foreach (var line in op.Description.Replace("\r\n", "\n").Trim().Split('\n'))
            {
                w.Line("/// " + DocComments.Escape(line.TrimEnd()));
            }

            w.Line("/// </remarks>");
        }

        foreach (var parameter in parameters)
        {
            // Every parameter gets a tag: a missing one is CS1573 for consumers that build documentation.
            var text = parameter.Part is { } part ? MultipartParameters.Doc(part)
                : parameter.Model is { } p
                ? p.Description ?? "The " + p.WireName + " " + p.Location.ToString().ToLowerInvariant() + " parameter."
                : parameter.Body!.Description ?? "The request body (" + parameter.Body.MediaType + ").";
            // A long text shared by many operations (a $ref'd parameter) is written once and inherited inline
            // (the <param> tag itself stays, so consumers building documentation get no CS1573).
            var name = parameter.Name.TrimStart('@');
            if (text.Length >= SharedDocLength && documented.TryGetValue((name, text), out var owner))
            {
                w.Line("/// <param name=\"", name, "\"><inheritdoc cref=\"", owner, "\" path=\"/param[@name='", name, "']/node()\"/></param>");
                continue;
            }

            documented[(name, text)] = method.Name;
            DocComments.Param(w, parameter.Name, text);
        }

        w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        var errors = string.Join("; ", op.Errors.Where(e => e.Body is not null).Select(e => e.StatusCode + ": " + ErrorTypeDoc(e.Body!)));
        var readable = op.Errors.Any(e => ErrorExtensionsEmitter.HasExtension(e, index));
        w.Line("/// <exception cref=\"global::Refit.ApiException\">" + (method.IsApiResponse ? "Never for an HTTP status: see <c>Error</c>." : "The server answered with a non-success status.")
            + (errors.Length == 0 ? string.Empty : " Declared error bodies: " + DocComments.Escape(errors) + ".")
            + (readable ? " Read JSON ones with the <c>TryGet...</c> extensions of <see cref=\"" + index.Model.ClientName + "ApiExceptionExtensions\"/>." : string.Empty)
            + "</exception>");
    }

    private static string ErrorTypeDoc(ResponseBodyModel body) => body.Kind == MediaKind.Json
        ? CSharpTypes.Of(body.Type with { IsNullable = false }).Replace("global::", string.Empty)
        : body.MediaType;
}
