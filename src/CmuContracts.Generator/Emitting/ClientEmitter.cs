using System.Linq;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>
/// One tag's operations: an interface for consumers and mocks, and an <c>HttpClient</c>
/// implementation whose methods are virtual and which has a protected constructor for mocking.
/// </summary>
internal static class ClientEmitter
{
    public static void Emit(SourceWriter w, ClientModel client, ApiModelIndex index)
    {
        w.Line("namespace " + index.Model.Namespace + ";");
        w.Line();
        DocComments.Summary(w, client.Description, "The " + client.Name + " operations.");
        w.Open("public partial interface I" + client.Name + "Client");
        var first = true;
        foreach (var op in client.Operations)
        {
            foreach (var method in Methods(op))
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                var signature = new OperationSignature(op, index);
                Docs(w, op, method, index);
                w.Line("global::System.Threading.Tasks.Task<" + method.ReturnType + "> " + method.Name + "(" + signature.Declaration + ");");
            }
        }

        w.Close();
        w.Line();
        EmitImplementation(w, client, index);
    }

    private static void EmitImplementation(SourceWriter w, ClientModel client, ApiModelIndex index)
    {
        var name = client.Name + "Client";
        var ns = index.Model.Namespace;
        DocComments.Summary(w, client.Description, "The " + client.Name + " operations over an <see cref=\"global::System.Net.Http.HttpClient\"/>.");
        w.Open("public partial class " + name + " : I" + name);
        foreach (var op in client.Operations)
        {
            w.Line("private static readonly string[] " + RequestEmitter.SecurityFieldName(op) + " = " + RequestEmitter.SecurityInitializer(op, index.Model) + ";");
        }

        w.Line();
        w.Line("private readonly global::System.Net.Http.HttpClient _httpClient;");
        w.Line();
        w.Line("/// <summary>Creates the client. Requests go to <c>HttpClient.BaseAddress</c> when set, else to the spec's server.</summary>");
        w.Open("public " + name + "(global::System.Net.Http.HttpClient httpClient)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(httpClient);");
        w.Line("_httpClient = httpClient;");
        w.Close();
        w.Line();
        w.Line("/// <summary>For mocking frameworks only: the instance cannot send requests.</summary>");
        w.Open("protected " + name + "()");
        w.Line("_httpClient = null!;");
        w.Close();
        foreach (var op in client.Operations)
        {
            var signature = new OperationSignature(op, index);
            foreach (var method in Methods(op))
            {
                w.Line();
                w.Line("/// <inheritdoc/>");
                if (op.IsDeprecated)
                {
                    w.Line("[global::System.Obsolete(\"Deprecated in the spec.\")]");
                }

                w.Open("public virtual async global::System.Threading.Tasks.Task<" + method.ReturnType + "> " + method.Name + "(" + signature.Declaration + ")");
                var args = signature.Arguments.Length == 0 ? string.Empty : signature.Arguments + ", ";
                w.Line("using var request = Create" + op.Name + "Request(" + args + Literals.String(method.Accept) + ");");
                w.Line("using var response = await _httpClient.SendAsync(request, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);");
                w.Open("if (!response.IsSuccessStatusCode)");
                var errorReader = op.Errors.Any(e => e.Body is not null) ? "Read" + op.Name + "Error" : "null";
                w.Line("throw await global::" + ns + ".Internal.ClientRuntime.CreateExceptionAsync(response, " + Literals.String(op.OperationId) + ", " + errorReader + ", cancellationToken).ConfigureAwait(false);");
                w.Close();
                w.Line();
                w.Line("return " + ReadResponse(method, op, index) + ";");
                w.Close();
            }

            w.Line();
            w.Open("private global::System.Net.Http.HttpRequestMessage Create" + op.Name + "Request(" + signature.FactoryDeclaration + ")");
            RequestEmitter.Emit(w, op, index);
            w.Close();
            if (op.Errors.Any(e => e.Body is not null))
            {
                w.Line();
                ErrorReaderEmitter.Emit(w, op, index);
            }
        }

        w.Close();
    }

    private static string ReadResponse(ClientMethod method, OperationModel op, ApiModelIndex index)
    {
        var rt = "global::" + index.Model.Namespace + ".Internal.ClientRuntime.";
        return method.Body switch
        {
            null => rt + "ReadEmpty(response)",
            { Kind: MediaKind.Json } json => "await " + rt + "ReadJsonAsync<" + CSharpTypes.Of(json.Type with { IsNullable = false }) + ">(response, " + Literals.String(op.OperationId) + ", "
                + Literals.String(CSharpTypes.Of(json.Type with { IsNullable = false }).Replace("global::", string.Empty)) + ", static (ref global::System.Text.Json.Utf8JsonReader r0) => "
                + JsonCode.Read(json.Type with { IsNullable = false }, "r0", 0, index) + ", cancellationToken).ConfigureAwait(false)",
            { Kind: MediaKind.Binary } => "await " + rt + "ReadBinaryAsync(response, cancellationToken).ConfigureAwait(false)",
            _ => "await " + rt + "ReadTextAsync(response, cancellationToken).ConfigureAwait(false)",
        };
    }

    private static void Docs(SourceWriter w, OperationModel op, ClientMethod method, ApiModelIndex index)
    {
        if (method.Body is { } alternative && method.Body != op.Success)
        {
            // The same operation in another media type: its docs are the primary method's.
            w.Line("/// <inheritdoc cref=\"" + op.Name + "Async\"/>");
            w.Line("/// <returns>The response body as " + DocComments.Escape(alternative.MediaType) + ".</returns>");
            if (op.IsDeprecated)
            {
                w.Line("[global::System.Obsolete(\"Deprecated in the spec.\")]");
            }

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

        foreach (var parameter in op.Parameters)
        {
            // Every parameter gets a tag: a missing one is CS1573 for consumers that build documentation.
            DocComments.Param(w, parameter.Name, parameter.Description ?? "The " + parameter.WireName + " " + parameter.Location.ToString().ToLowerInvariant() + " parameter.");
        }

        if (op.Body is { } body)
        {
            DocComments.Param(w, OperationSignature.BodyName, body.Description ?? "The request body (" + body.MediaType + ").");
        }

        w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        w.Line("/// <exception cref=\"global::" + index.Model.Namespace + ".ApiException\">The server answered with a non-success status, or the body did not match the spec.</exception>");
        if (op.IsDeprecated)
        {
            w.Line("[global::System.Obsolete(\"Deprecated in the spec.\")]");
        }
    }

    /// <summary>The primary method, then one per alternative text media type (e.g. <c>...AsCsvAsync</c>).</summary>
    private static ClientMethod[] Methods(OperationModel op)
    {
        var primary = new ClientMethod(op.Name + "Async", OperationSignature.ReturnType(op), op.Success?.MediaType ?? "*/*", op.Success);
        return new[] { primary }.Concat(op.TextAlternatives.Select(alt =>
            new ClientMethod(op.Name + "As" + MediaSuffix(alt.MediaType) + "Async", "ApiResponse<string>", alt.MediaType, alt))).ToArray();
    }

    private static string MediaSuffix(string mediaType)
    {
        var subtype = mediaType.Substring(mediaType.IndexOf('/') + 1);
        var clean = new string(subtype.TakeWhile(char.IsLetterOrDigit).ToArray());
        return clean.Length == 0 ? "Text" : char.ToUpperInvariant(clean[0]) + clean.Substring(1).ToLowerInvariant();
    }

    private sealed record ClientMethod(string Name, string ReturnType, string Accept, ResponseBodyModel? Body);
}
