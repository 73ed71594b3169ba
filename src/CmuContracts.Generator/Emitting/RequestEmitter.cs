using System.Linq;
using System.Text;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting;

/// <summary>
/// The body of an operation's request factory: path with escaped parameters, query string by
/// style/explode, headers, the body in its media type, and the options handlers read.
/// </summary>
internal static class RequestEmitter
{
    public static void Emit(SourceWriter w, OperationModel op, ApiModelIndex index)
    {
        foreach (var parameter in op.Parameters.Where(p => p.IsRequired && !CSharpTypes.IsValueType(p.Type, index)))
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(" + parameter.Name + ");");
        }

        if (op.Body is { IsRequired: true } body && (body.Kind != MediaKind.Json || !CSharpTypes.IsValueType(body.Type, index)))
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(" + OperationSignature.BodyName + ");");
        }

        var queryParameters = op.Parameters.Where(p => p.Location == ParameterLocation.Query).ToList();
        if (queryParameters.Count > 0)
        {
            w.Line("var query = new global::" + index.Model.Namespace + ".Internal.QueryBuilder();");
            foreach (var parameter in queryParameters)
            {
                EmitQuery(w, parameter, index);
            }
        }

        w.Line("var request = new global::System.Net.Http.HttpRequestMessage(" + Method(op.HttpMethod) + ", global::" + index.Model.Namespace
            + ".Internal.ClientRuntime.BuildUri(_httpClient.BaseAddress, " + Literals.String(op.ServerUrl ?? string.Empty) + ", " + PathExpression(op, index) + ", "
            + (queryParameters.Count > 0 ? "query" : "null") + "));");
        foreach (var parameter in op.Parameters.Where(p => p.Location == ParameterLocation.Header))
        {
            var value = parameter.Type.Kind == TypeKind.Array ? Runtime(index) + "Join(\",\", " + parameter.Name + ")" : Runtime(index) + "Format(" + parameter.Name + ")";
            var add = "request.Headers.TryAddWithoutValidation(" + Literals.String(parameter.WireName) + ", " + value + ");";
            if (IsOptional(parameter, index))
            {
                w.Open("if (" + parameter.Name + " is not null)").Line(add).Close().Line();
            }
            else
            {
                w.Line(add);
            }
        }

        w.Line("request.Headers.Accept.ParseAdd(accept);");
        if (op.Body is { } requestBody)
        {
            EmitBody(w, requestBody, index);
        }

        w.Line("request.Options.Set(global::" + index.Model.Namespace + ".ApiRequestOptions.OperationId, " + Literals.String(op.OperationId) + ");");
        w.Line("request.Options.Set(global::" + index.Model.Namespace + ".ApiRequestOptions.Security, " + SecurityFieldName(op) + ");");
        w.Line("return request;");
    }

    public static string SecurityFieldName(OperationModel op) => "s_" + char.ToLowerInvariant(op.Name[0]) + op.Name.Substring(1) + "Security";

    /// <summary>Descriptors of the operation's security alternatives, e.g. "http:bearer".</summary>
    public static string SecurityInitializer(OperationModel op, ApiModel model)
    {
        var alternatives = op.Security.Select(requirement => string.Join("+", requirement.SchemeNames.Select(name =>
        {
            var scheme = model.SecuritySchemes.FirstOrDefault(s => s.Name == name);
            return scheme switch
            {
                null => name,
                { Type: "http" } => "http:" + (scheme.Scheme ?? string.Empty).ToLowerInvariant(),
                { Type: "apiKey" } => "apiKey:" + scheme.In + ":" + scheme.ParameterName,
                _ => scheme.Type,
            };
        })));
        var items = string.Join(", ", alternatives.Select(Literals.String));
        return items.Length == 0 ? "global::System.Array.Empty<string>()" : "new[] { " + items + " }";
    }

    private static bool IsOptional(ParameterModel parameter, ApiModelIndex index) => !parameter.IsRequired || parameter.Type.IsNullable;

    private static void EmitQuery(SourceWriter w, ParameterModel p, ApiModelIndex index)
    {
        var optional = !p.IsRequired || p.Type.IsNullable;
        if (optional)
        {
            w.Open("if (" + p.Name + " is not null)");
        }

        var value = optional && CSharpTypes.IsValueType(p.Type, index) ? p.Name + ".Value" : p.Name;
        var name = Literals.String(p.WireName);
        var rt = Runtime(index);
        switch (p.Type.Kind)
        {
            case TypeKind.Array when p.Style == QueryStyle.Form && p.Explode:
                w.Open("foreach (var item in " + value + ")").Line("query.Add(" + name + ", " + rt + "Format(item));").Close();
                break;
            case TypeKind.Array:
                w.Line("query.Add(" + name + ", " + rt + "Join(" + Literals.String(Separator(p.Style)) + ", " + value + "));");
                break;
            case TypeKind.Map when p.Style == QueryStyle.DeepObject:
                w.Open("foreach (var pair in " + value + ")").Line("query.Add(" + name + " + \"[\" + pair.Key + \"]\", " + rt + "Format(pair.Value));").Close();
                break;
            case TypeKind.Map when p.Explode:
                w.Open("foreach (var pair in " + value + ")");
                if (p.Type.Item is { Kind: TypeKind.Array })
                {
                    // A list per key: repeated keys; an empty list sends the bare key.
                    w.Open("if (pair.Value is null || pair.Value.Count == 0)").Line("query.AddKey(pair.Key);").Close();
                    w.Open("else").Open("foreach (var item in pair.Value)").Line("query.Add(pair.Key, " + rt + "Format(item));").Close().Close();
                }
                else
                {
                    w.Line("query.Add(pair.Key, " + rt + "Format(pair.Value));");
                }

                w.Close();
                break;
            case TypeKind.Map:
                w.Line("query.Add(" + name + ", " + rt + "Join(\",\", global::System.Linq.Enumerable.SelectMany(" + value + ", pair => new object?[] { pair.Key, pair.Value })));");
                break;
            case TypeKind.Named when index.Find(p.Type.Name) is { Kind: TypeModelKind.Object } model:
                foreach (var property in model.Properties)
                {
                    var key = p.Style == QueryStyle.DeepObject ? Literals.String(p.WireName + "[" + property.JsonName + "]") : Literals.String(property.JsonName);
                    w.Open("if (" + value + "." + property.Name + " is { } " + "q_" + property.Name + ")")
                        .Line("query.Add(" + key + ", " + rt + "Format(q_" + property.Name + "));").Close();
                }

                break;
            default:
                w.Line("query.Add(" + name + ", " + rt + "Format(" + value + "));");
                break;
        }

        if (optional)
        {
            w.Close();
        }

        w.Line();
    }

    private static void EmitBody(SourceWriter w, RequestBodyModel body, ApiModelIndex index)
    {
        var rt = Runtime(index);
        var media = Literals.String(body.MediaType);
        var optional = !body.IsRequired;
        if (optional)
        {
            w.Open("if (" + OperationSignature.BodyName + " is not null)");
        }

        var value = optional && CSharpTypes.IsValueType(body.Type, index) && body.Kind == MediaKind.Json ? OperationSignature.BodyName + ".Value" : OperationSignature.BodyName;
        switch (body.Kind)
        {
            case MediaKind.Json:
                var type = CSharpTypes.Of(body.Type with { IsNullable = false });
                w.Line("request.Content = " + rt + "CreateJsonContent<" + type + ">(" + value + ", static (w0, v0) => { " + JsonCode.Write(body.Type with { IsNullable = false }, "w0", "v0", 0, index) + " }, " + media + ");");
                break;
            case MediaKind.Form:
                w.Line("var form = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();");
                foreach (var property in index.Find(body.Type.Name)?.Properties ?? default)
                {
                    var access = value + "." + property.Name;
                    var add = property.Type.Kind == TypeKind.Array
                        ? "foreach (var item in " + access + ") { form.Add(new(" + Literals.String(property.JsonName) + ", " + rt + "Format(item))); }"
                        : "form.Add(new(" + Literals.String(property.JsonName) + ", " + rt + "Format(" + access + ")));";
                    if (!property.IsRequired || property.Type.IsNullable)
                    {
                        w.Open("if (" + access + " is not null)").Line(add).Close();
                    }
                    else
                    {
                        w.Line(add);
                    }
                }

                w.Line("request.Content = new global::System.Net.Http.FormUrlEncodedContent(form);");
                break;
            case MediaKind.Text:
                w.Line("request.Content = " + rt + "CreateTextContent(" + value + ", " + media + ");");
                break;
            default:
                w.Line("request.Content = " + rt + "CreateBinaryContent(" + value + ", " + media + ");");
                break;
        }

        if (optional)
        {
            w.Close();
        }
    }

    private static string PathExpression(OperationModel op, ApiModelIndex index)
    {
        var path = op.Path;
        var parts = new StringBuilder();
        var literal = new StringBuilder();
        for (var i = 0; i < path.Length; i++)
        {
            var close = path[i] == '{' ? path.IndexOf('}', i) : -1;
            var parameter = close > i ? op.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Path && p.WireName == path.Substring(i + 1, close - i - 1)) : null;
            if (parameter is null)
            {
                literal.Append(path[i]);
                continue;
            }

            Flush(parts, literal);
            Append(parts, Runtime(index) + "EscapePath(" + parameter.Name + ")");
            i = close;
        }

        Flush(parts, literal);
        return parts.Length == 0 ? "\"\"" : parts.ToString();
    }

    private static void Flush(StringBuilder parts, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            Append(parts, Literals.String(literal.ToString()));
            literal.Clear();
        }
    }

    private static void Append(StringBuilder parts, string expression)
    {
        if (parts.Length > 0)
        {
            parts.Append(" + ");
        }

        parts.Append(expression);
    }

    private static string Separator(QueryStyle style) => style switch
    {
        QueryStyle.SpaceDelimited => " ",
        QueryStyle.PipeDelimited => "|",
        _ => ",",
    };

    private static string Method(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        "TRACE" => "global::System.Net.Http.HttpMethod.Trace",
        _ => "new global::System.Net.Http.HttpMethod(" + Literals.String(method) + ")",
    };

    private static string Runtime(ApiModelIndex index) => "global::" + index.Model.Namespace + ".Internal.ClientRuntime.";

}
