using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting.Refit;

/// <summary>
/// The implementation of one Refit interface, written the way Refit's own generator writes one:
/// each method builds its request inline through Refit's generated-code helpers
/// (<c>GeneratedRequestRunner</c>, <c>GeneratedQueryStringBuilder</c>) and sends it with
/// <c>GeneratedRequestRunner.SendAsync</c>, so every <c>RefitSettings</c> hook applies. JSON goes
/// through generated <c>JsonTypeInfo</c> whenever the content serializer accepts it.
/// </summary>
internal static class ImplementationEmitter
{
    private const string Runner = "global::Refit.GeneratedRequestRunner.";

    public static void Emit(SourceWriter w, ClientModel client, ApiModelIndex index)
    {
        var ns = index.Model.Namespace;
        var iface = "global::" + ns + ".I" + client.Name + "Client";
        var shared = new SharedFields(index);
        // Members are written as operations are read, methods and request builders apart, at the class body's level.
        var methods = w.Block().Indent();
        var builders = w.Block().Indent();

        // Operations whose requests differ only in path, operation id and security share one request
        // builder (the CMU reports: 114 paths, one parameter list), so each is written once.
        var shapes = new Dictionary<string, string>();
        foreach (var op in client.Operations)
        {
            var parameters = RefitParameter.For(op, index);
            var opMethods = RefitMethod.For(op, index);
            var bearer = opMethods[0].RequiresBearer;
            var templated = op.Path.IndexOf('{') >= 0;
            var key = op.HttpMethod + "|" + bearer + "|" + (templated ? op.Path : string.Empty) + "|"
                + RefitParameter.Declaration(parameters, attributes: true, defaults: false);
            if (!shapes.TryGetValue(key, out var builder))
            {
                builder = "CreateRequest" + shapes.Count;
                shapes[key] = builder;
                builders.Line();
                EmitBuilder(builders, builder, op, parameters, templated, bearer, iface, shared, index);
            }

            foreach (var method in opMethods)
            {
                methods.Line();
                EmitMethod(methods, method, parameters, builder, templated, shared);
            }
        }

        w.Line("/// <summary>The generated Refit implementation of <see cref=\"", iface, "\"/>; Refit's runtime creates it.</summary>");
        w.Open("internal sealed class " + client.Name + "Client : " + iface);
        w.Line("private readonly global::Refit.RefitSettings _settings;");
        foreach (var field in shared.Declarations)
        {
            w.Line(field);
        }

        w.Line();
        w.Open("public " + client.Name + "Client(global::System.Net.Http.HttpClient client, global::Refit.RefitSettings settings)");
        w.Line("Client = client;");
        w.Line("_settings = settings;");
        w.Close();
        w.Line();
        w.Line("/// <summary>The HTTP client requests are sent with.</summary>");
        w.Line("public global::System.Net.Http.HttpClient Client { get; }");
        w.Append(methods).Append(builders);
        w.Close();
    }

    /// <summary>A public method: build the request, attach response metadata, send it as Refit's own clients do.</summary>
    private static void EmitMethod(SourceWriter w, RefitMethod method, IReadOnlyList<RefitParameter> parameters, string builder, bool templated, SharedFields shared)
    {
        var op = method.Operation;
        w.Line("/// <inheritdoc />");
        w.Open("public " + method.ReturnType + " " + method.Name + "(" + RefitParameter.Declaration(parameters, attributes: false, defaults: false) + ")");
        w.Line("var settings = _settings;");
        var arguments = (templated ? string.Empty : Literals.String(op.Path) + ", ") + Literals.String(op.OperationId) + ", " + shared.Security(op) + ", "
            + Literals.String(method.Name) + ", " + (method.Accept is null ? "null" : Literals.String(method.Accept)) + ", "
            + string.Concat(parameters.Select(p => p.Name + ", ")) + "cancellationToken";
        w.Line("var request = ", builder, "(settings, ", arguments, ");");
        var buffered = parameters.Any(p => p.Body is not null) ? "settings.Buffered" : "false";
        if (method.IsRaw)
        {
            // The response belongs to the caller, unread: Refit hands an HttpResponseMessage over as it came.
            const string raw = "global::System.Net.Http.HttpResponseMessage";
            w.Line("return " + Runner + "SendAsync<" + raw + ", " + raw + ">(Client, request, settings, false, false, " + buffered + ", cancellationToken);");
            w.Close();
            return;
        }

        if (method.IsStream)
        {
            StreamMethods.EmitReturn(w, method, shared);
            w.Close();
            return;
        }

        if (method.Body is { Kind: MediaKind.Json } json)
        {
            w.Open("if (settings.ContentSerializer is global::Refit.IJsonTypeInfoContentSerializer)");
            w.Line(Runner + "SetRequestJsonTypeInfo<", method.BodyType!, ">(request, ", shared.TypeInfo(json.Type with { IsNullable = false }), ");");
            w.Close();
        }

        if (method.BodyType is null && !method.IsApiResponse)
        {
            w.Line("return " + Runner + "SendVoidAsync(Client, request, settings, ", buffered, ", cancellationToken);");
        }
        else
        {
            var bodyType = method.BodyType ?? "global::System.Net.Http.HttpContent";
            var result = method.IsApiResponse ? "global::Refit.IApiResponse" + (method.BodyType is null ? string.Empty : "<" + bodyType + ">") : bodyType;

            // A stream result belongs to the caller: the response must outlive the call.
            var dispose = method.Body?.Kind == MediaKind.Binary ? "false" : "true";
            w.Line("return " + Runner + "SendAsync<" + result + ", " + bodyType + ">(Client, request, settings, " + (method.IsApiResponse ? "true" : "false") + ", " + dispose + ", " + buffered + ", cancellationToken);");
        }

        w.Close();
    }

    /// <summary>
    /// Builds a request in Refit's order: path and query, body, static headers (Accept, then the
    /// bearer placeholder), header parameters, configured options, then Refit's and our request properties.
    /// </summary>
    private static void EmitBuilder(SourceWriter w, string name, OperationModel op, IReadOnlyList<RefitParameter> parameters, bool templated, bool bearer, string iface, SharedFields shared, ApiModelIndex index)
    {
        var declaration = "global::Refit.RefitSettings settings, " + (templated ? string.Empty : "string path, ") + "string operationId, string[] security, string methodName, string? accept, "
            + RefitParameter.Declaration(parameters, attributes: false, defaults: false);
        w.Open("private global::System.Net.Http.HttpRequestMessage " + name + "(" + declaration + ")");
        var formatted = parameters.Where(p => p.Kind is RefitBindingKind.Path or RefitBindingKind.QueryScalar or RefitBindingKind.QueryCollection).ToList();
        if (formatted.Count > 0)
        {
            w.Line("var useDefaultFormatting = " + Runner + "UsesDefaultUrlParameterFormatting(settings);");
        }

        var path = templated ? PathExpression(op, parameters, shared) : "path";
        var query = parameters.Where(p => p.Kind is RefitBindingKind.QueryScalar or RefitBindingKind.QueryCollection or RefitBindingKind.QueryConverter).ToList();
        string relative;
        if (query.Count > 0)
        {
            w.Line("var query = new global::Refit.GeneratedQueryStringBuilder(", path, ");");
            foreach (var parameter in query)
            {
                EmitQuery(w, parameter, shared, index);
            }

            relative = "query.Build()";
        }
        else
        {
            relative = path;
        }

        w.Line("var request = new global::System.Net.Http.HttpRequestMessage(", HttpMethod(op.HttpMethod), ", " + Runner + "BuildRelativeUri(Client, ", relative, ", settings.UrlResolution));");
        var bodyParameter = parameters.FirstOrDefault(p => p.Body is not null);
        if (bodyParameter is not null)
        {
            EmitBody(w, bodyParameter, shared, index);
        }
        else if (op.Body?.Kind == MediaKind.Multipart)
        {
            MultipartParameters.EmitContent(w, parameters, shared);
        }

        w.Open("if (accept != null)").Line(Runner + "SetHeader(request, \"Accept\", accept, settings.ValidateHeaders);").Close();
        if (bearer)
        {
            // The value stays "Bearer": RefitSettings.AuthorizationHeaderValueGetter supplies the token.
            w.Line(Runner + "SetHeader(request, \"Authorization\", \"Bearer\", settings.ValidateHeaders);");
        }

        foreach (var header in parameters.Where(p => p.Kind == RefitBindingKind.Header))
        {
            var value = header.Model!.Type.Kind == TypeKind.Array
                ? "(" + header.Name + " is null ? null : string.Join(\",\", " + header.Name + "))"
                : header.Name + (IsValueType(header, index) && !header.IsOptional && !header.Model.Type.IsNullable ? ".ToString()" : "?.ToString()");
            w.Line(Runner + "SetHeader(request, ", Literals.String(header.WireName), ", ", value, ", settings.ValidateHeaders);");
        }

        w.Line(Runner + "AddConfiguredRequestOptions(request, settings, typeof(", iface, "));");
        w.Line(Runner + "AddRequestProperty<string>(request, global::Refit.HttpRequestMessageOptions.MethodName, methodName);");
        w.Line(Runner + "AddRequestProperty<string>(request, global::Refit.HttpRequestMessageOptions.RelativePathTemplate, ", (templated ? Literals.String(op.Path) : "path"), ");");
        var arguments = string.Concat(parameters.Select(p => p.Name + ", ")) + "cancellationToken";
        w.Open("if (settings.CaptureMethodArguments)");
        w.Line(Runner + "AddRequestProperty<object?[]>(request, global::Refit.HttpRequestMessageOptions.MethodArguments, new object?[] { ", arguments, " });");
        w.Close();
        w.Line("request.Options.Set(global::", index.Model.Namespace, ".ApiRequestOptions.OperationId, operationId);");
        w.Line("request.Options.Set(global::", index.Model.Namespace, ".ApiRequestOptions.Security, security);");
        w.Line("return request;");
        w.Close();
    }

    private static void EmitQuery(SourceWriter w, RefitParameter p, SharedFields shared, ApiModelIndex index)
    {
        var model = p.Model!;
        var nullable = !IsValueType(p, index) || p.IsOptional || model.Type.IsNullable;
        if (nullable)
        {
            w.Open("if (" + p.Name + " != null)");
        }

        var key = Literals.String(p.WireName);
        switch (p.Kind)
        {
            case RefitBindingKind.QueryConverter:
                w.Line(shared.Converter(model), ".Flatten(", p.Name, ", ", Literals.String(RefitParameter.ConverterPrefix(model)), ", ref query, settings);");
                break;
            case RefitBindingKind.QueryCollection:
                var provider = shared.Provider(p);
                w.Line("query.BeginCollection(", key, ", global::Refit.CollectionFormat.", p.CollectionFormat, ", false);");
                w.Open("foreach (var item in " + p.Name + ")");
                var item = model.Type.Item!;
                var custom = Runner + "FormatUrlParameter(settings, item, " + provider + ", typeof(" + p.Type.TrimEnd('?') + "))";
                if (IsSpanFormattable(item.Kind) && !item.IsNullable)
                {
                    w.Open("if (useDefaultFormatting)").Line("query.AddCollectionValueFormatted(item);").Close();
                    w.Open("else").Line("query.AddCollectionValue(" + custom + ");").Close();
                }
                else
                {
                    w.Line("query.AddCollectionValue(useDefaultFormatting ? ", DefaultText(item, "item", index), " : ", custom, ");");
                }

                w.Close();
                w.Line("query.EndCollection();");
                break;
            default:
                var value = nullable && IsValueType(p, index) ? p.Name + ".Value" : p.Name;
                var formatter = Runner + "FormatUrlParameter(settings, " + p.Name + ", " + shared.Provider(p) + ", typeof(" + TypeOf(p, index) + "))";
                if (IsSpanFormattable(model.Type.Kind))
                {
                    w.Open("if (useDefaultFormatting)").Line("query.AddFormatted(" + key + ", " + value + ", " + (p.Format is null ? "null" : Literals.String(p.Format)) + ", false);").Close();
                    w.Open("else").Line("query.Add(" + key + ", " + formatter + ", false);").Close();
                }
                else
                {
                    w.Line("query.Add(", key, ", useDefaultFormatting ? ", DefaultText(model.Type, value, index), " : ", formatter, ", false);");
                }

                break;
        }

        if (nullable)
        {
            w.Close();
        }
    }

    private static void EmitBody(SourceWriter w, RefitParameter p, SharedFields shared, ApiModelIndex index)
    {
        var body = p.Body!;
        if (p.IsOptional)
        {
            w.Open("if (" + p.Name + " != null)");
        }

        var type = p.Type.TrimEnd('?');
        var value = p.IsOptional && body.Kind == MediaKind.Json && CSharpTypes.IsValueType(body.Type, index) ? p.Name + ".Value" : p.Name;
        switch (p.Kind)
        {
            case RefitBindingKind.FormBody:
                w.Line("request.Content = " + Runner + "CreateUrlEncodedBodyContent<", type, ">(settings, ", value, ", ", shared.FormFields(body.Type), ");");
                break;
            case RefitBindingKind.JsonBody:
                w.Line("request.Content = " + Runner + "CreateBodyContent<" + type + ">(settings, " + value + ", settings.ContentSerializer is global::Refit.IJsonTypeInfoContentSerializer ? "
                    + shared.TypeInfo(body.Type with { IsNullable = false }) + " : null, global::Refit.BodySerializationMethod.Default, !settings.Buffered);");
                break;
            default:
                w.Line("request.Content = " + Runner + "CreateBodyContent<", type, ">(settings, ", value, ", global::Refit.BodySerializationMethod.Default, !settings.Buffered);");
                break;
        }

        w.Line("request.Content = " + Runner + "CompressBodyContent(request.Content, settings, global::Refit.RequestCompression.Default, global::System.IO.Compression.CompressionLevel.Optimal);");
        if (p.IsOptional)
        {
            w.Close();
        }
    }

    /// <summary>The path, its placeholders filled through <c>BuildRequestPath</c> (which escapes them).</summary>
    private static string PathExpression(OperationModel op, IReadOnlyList<RefitParameter> parameters, SharedFields shared)
    {
        var replacements = new List<string>();
        var path = op.Path;
        for (var i = path.IndexOf('{'); i >= 0; i = path.IndexOf('{', i + 1))
        {
            var close = path.IndexOf('}', i);
            if (close < 0)
            {
                break;
            }

            var wire = path.Substring(i + 1, close - i - 1);
            var parameter = parameters.FirstOrDefault(p => p.Kind == RefitBindingKind.Path && p.WireName == wire);
            if (parameter is null)
            {
                continue;
            }

            var type = parameter.Model!.Type;
            var text = type.Kind == TypeKind.String ? parameter.Name
                : IsSpanFormattable(type.Kind) ? Runner + "FormatInvariant(" + parameter.Name + ", null)"
                : parameter.Name + ".ToString()";
            replacements.Add("((" + i + ", " + (close + 1) + "), useDefaultFormatting ? " + text + " : " + Runner + "FormatUrlParameter(settings, " + parameter.Name + ", "
                + shared.Provider(parameter) + ", typeof(" + parameter.Type.TrimEnd('?') + ")))");
        }

        return replacements.Count == 0
            ? Literals.String(path)
            : Runner + "BuildRequestPath(" + Literals.String(path) + ", settings.AllowUnmatchedRouteParameters, [" + string.Join(", ", replacements) + "])";
    }

    /// <summary>What Refit's default formatter writes for a value that is not span-formattable.</summary>
    private static string DefaultText(TypeRef type, string value, ApiModelIndex index) =>
        type.Kind == TypeKind.String ? value : value + (CSharpTypes.IsValueType(type, index) && !type.IsNullable ? ".ToString()" : "?.ToString()");

    /// <summary>The parameter's type as <c>typeof</c> takes it (no nullable annotation on reference types).</summary>
    private static string TypeOf(RefitParameter p, ApiModelIndex index) => IsValueType(p, index) ? p.Type : p.Type.TrimEnd('?');

    private static bool IsValueType(RefitParameter p, ApiModelIndex index) => CSharpTypes.IsValueType(p.Model!.Type, index);

    /// <summary>Types Refit's default formatter renders with <c>ISpanFormattable</c> under the invariant culture.</summary>
    private static bool IsSpanFormattable(TypeKind kind) => kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double or TypeKind.Decimal
        or TypeKind.Date or TypeKind.DateTime or TypeKind.Guid;

    private static string HttpMethod(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        _ => "global::System.Net.Http.HttpMethod.Options",
    };
}
