using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Naming;

namespace CmuContracts.Generator.Emitting.Refit;

/// <summary>
/// The operation index of one client, <c>{Tag}Operations</c>: for each operation an <c>ApiOperation</c> field (operationId,
/// method, path template, parameters, the media type it reads) that invokes its reading method and its raw variant
/// from one arguments object, the other media types as <c>Alternatives</c>, and <c>All</c> and <c>Find</c> over them.
/// Operations whose interface methods take the same parameters share one arguments class (named after the first of
/// them), so a caller can build it once and invoke any of them: typed, without reflection or object dictionaries.
/// Every type is written fully qualified, so no member of the index can shadow a schema's name.
/// </summary>
internal static class OperationIndexEmitter
{
    /// <summary>The index class of a client (reserved in the type registry).</summary>
    public static string ClassName(ClientModel client) => client.Name + "Operations";

    public static void Emit(SourceWriter w, ClientModel client, ApiModelIndex index)
    {
        var ns = "global::" + index.Model.Namespace;
        var iface = ns + ".I" + client.Name + "Client";
        var className = ClassName(client);
        var members = new HashSet<string>(System.StringComparer.Ordinal) { className, "All", "Find", "DefaultServerUrl", "Servers" };

        // Shapes first: the arguments classes' names are taken before the operations'.
        var operations = client.Operations.Select(op => (Op: op, Parameters: RefitParameter.For(op, index), Methods: RefitMethod.For(op, index))).ToList();
        var shapes = new Dictionary<string, Shape>(System.StringComparer.Ordinal);
        var byOperation = new List<Shape>();
        foreach (var (op, parameters, _) in operations)
        {
            var key = RefitParameter.Declaration(parameters, attributes: false, defaults: false);
            if (!shapes.TryGetValue(key, out var shape))
            {
                shape = new Shape(CSharpNames.MakeUnique(op.Name + "Arguments", members), parameters, op);
                shapes[key] = shape;
            }

            shape.Count++;
            byOperation.Add(shape);
        }

        w.Line("namespace ", index.Model.Namespace, ";");
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// The operations of <see cref=\"", iface, "\"/> as data: for each, its operationId, method, path template, parameters");
        w.Line("/// and media type, invoked typed through its reading method (<c>InvokeAsync</c>) or its raw variant (<c>SendAsync</c>).");
        w.Line("/// Operations with the same parameters share one arguments class.");
        w.Line("/// </summary>");
        w.Open("public static partial class " + className);
        EmitServers(w, client, ns);
        foreach (var shape in shapes.Values)
        {
            EmitArguments(w, shape, index);
            w.Line();
        }

        var fields = new List<string>();
        for (var i = 0; i < operations.Count; i++)
        {
            var (op, parameters, methods) = operations[i];
            var shape = byOperation[i];
            var name = CSharpNames.MakeUnique(op.Name, members);
            fields.Add(name);
            // Streams are not in the index's Task-returning shape; their raw twins are there through the client.
            var readers = methods.Where(m => !m.IsRaw && !m.IsStream).ToList();
            var primary = readers[0];
            var summary = op.HttpMethod + " " + op.Path + " (" + op.OperationId + ")" + (op.Summary is null ? "." : ": " + op.Summary);
            DocComments.Summary(w, summary);
            if (op.IsDeprecated)
            {
                w.Line("[global::System.Obsolete(\"Deprecated in the spec.\")]");
            }

            w.Line("public static readonly ", OperationType(primary, shape, iface, ns, index), " ", name, " = ",
                Construction(primary, parameters, shape, iface, ns, index, readers.Skip(1).ToList(), targetTyped: true), ";");
            w.Line();
        }

        w.Line("/// <summary>Every operation of the client, in the spec's order.</summary>");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<", ns, ".ApiOperation> All { get; } = new ", ns, ".ApiOperation[]");
        w.Line("{").Indent();
        foreach (var field in fields)
        {
            w.Line(field + ",");
        }

        w.Close(";");
        w.Line();
        w.Line("/// <summary>The operation with this HTTP method (any case) and path template (exactly as the spec writes it), or null.</summary>");
        w.Line("/// <param name=\"httpMethod\">The HTTP method, e.g. <c>GET</c>.</param>");
        w.Line("/// <param name=\"pathTemplate\">The path template, e.g. <c>/pets/{id}</c>.</param>");
        w.Line("/// <returns>The operation, or null when the client has none there.</returns>");
        w.Open("public static " + ns + ".ApiOperation? Find(string httpMethod, string pathTemplate)");
        w.Open("foreach (var operation in All)");
        w.Open("if (string.Equals(operation.PathTemplate, pathTemplate, global::System.StringComparison.Ordinal) && string.Equals(operation.HttpMethod, httpMethod, global::System.StringComparison.OrdinalIgnoreCase))");
        w.Line("return operation;");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return null;");
        w.Close();
        w.Close();
    }

    /// <summary>The client's servers: the first as a constant, all of them with their descriptions.</summary>
    private static void EmitServers(SourceWriter w, ClientModel client, string ns)
    {
        if (client.Servers.Count > 0)
        {
            w.Line("/// <summary>The first server the spec lists for these operations: their default base address.</summary>");
            w.Line("public const string DefaultServerUrl = ", Literals.String(client.Servers[0].Url), ";");
            w.Line();
        }

        w.Line("/// <summary>Every server the spec lists for these operations, in its order, with its description.</summary>");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<", ns, ".ApiServer> Servers { get; } = new ", ns, ".ApiServer[]");
        w.Line("{").Indent();
        foreach (var server in client.Servers)
        {
            w.Line("new ", ns, ".ApiServer(", Literals.String(server.Url), ", ", server.Description is null ? "null" : Literals.String(server.Description), "),");
        }

        w.Close(";");
        w.Line();
    }

    private static void EmitArguments(SourceWriter w, Shape shape, ApiModelIndex index)
    {
        var others = shape.Count - 1;
        w.Line("/// <summary>The arguments of <c>", DocComments.Escape(shape.First.OperationId), "</c>", others > 0 ? " and of the " + others + " other operation" + (others == 1 ? string.Empty : "s") + " that take the same parameters" : string.Empty, ".</summary>");
        w.Open("public sealed class " + shape.Name);
        var first = true;
        foreach (var (parameter, property) in shape.Parameters.Zip(shape.Properties, (p, n) => (p, n)))
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            var text = parameter switch
            {
                { Model: { } model } => model.Description ?? "The " + model.WireName + " " + model.Location.ToString().ToLowerInvariant() + " parameter.",
                { Part: { } part } => part.Description ?? "The " + part.Property.JsonName + " part of the multipart body.",
                _ => parameter.Body!.Description ?? "The request body (" + parameter.Body.MediaType + ").",
            };
            DocComments.Summary(w, text);
            w.Line("public ", parameter.IsOptional ? string.Empty : "required ", PropertyType(parameter, index), " ", property, " { get; init; }");
        }

        w.Close();
    }

    private static string OperationType(RefitMethod method, Shape shape, string iface, string ns, ApiModelIndex index) =>
        ns + ".ApiOperation<" + iface + ", " + shape.Name + ", " + TaskType(method, ns, index) + ">";

    private static string Construction(RefitMethod method, IReadOnlyList<RefitParameter> parameters, Shape shape, string iface, string ns, ApiModelIndex index, IReadOnlyList<RefitMethod> alternatives, bool targetTyped = false)
    {
        var op = method.Operation;
        var arguments = string.Concat(shape.Properties.Select(p => "arguments." + p + ", ")) + "cancellationToken";
        var described = string.Join(", ", parameters.Select(p => "new " + ns + ".ApiParameter(" + Literals.String(p.Part?.Property.JsonName ?? p.WireName) + ", " + Literals.String(shape.Properties[IndexOf(parameters, p)])
            + ", " + ns + ".ApiParameterLocation." + Location(p) + ", " + (p.IsOptional ? "false" : "true") + ")"));
        var text = (targetTyped ? "new(" : "new " + OperationType(method, shape, iface, ns, index) + "(") + Literals.String(op.OperationId) + ", " + Literals.String(op.HttpMethod) + ", " + Literals.String(op.Path)
            + ", new " + ns + ".ApiParameter[] { " + described + " }, " + (method.Accept is null ? "null" : Literals.String(method.Accept))
            + ", " + SecurityArray(SharedFields.SecurityDescriptors(op, index.Model))
            + ", static (client, arguments, cancellationToken) => client." + method.Name + "(" + arguments + ")"
            + ", static (client, arguments, cancellationToken) => client." + method.Name.Substring(0, method.Name.Length - "Async".Length) + RefitMethod.RawSuffix + "(" + arguments + ")";
        foreach (var alternative in alternatives)
        {
            text += ", " + Construction(alternative, parameters, shape, iface, ns, index, System.Array.Empty<RefitMethod>());
        }

        return text + ")";
    }

    private static string SecurityArray(List<string> descriptors) => descriptors.Count == 0
        ? "global::System.Array.Empty<string>()"
        : "new string[] { " + string.Join(", ", descriptors.Select(Literals.String)) + " }";

    private static int IndexOf(IReadOnlyList<RefitParameter> parameters, RefitParameter parameter)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (ReferenceEquals(parameters[i], parameter))
            {
                return i;
            }
        }

        return -1;
    }

    // A multipart part is a piece of the body.
    private static string Location(RefitParameter p) => p.Model?.Location.ToString() ?? "Body";

    /// <summary>What the reading method returns, fully qualified.</summary>
    private static string TaskType(RefitMethod method, string ns, ApiModelIndex index)
    {
        string? body = method.Body switch
        {
            null => null,
            { Kind: MediaKind.Json } json => Qualified(json.Type with { IsNullable = false }, ns, false),
            { Kind: MediaKind.Binary } => "global::System.IO.Stream",
            _ => "string",
        };
        if (method.IsApiResponse)
        {
            body = "global::Refit.IApiResponse" + (body is null ? string.Empty : "<" + body + ">");
        }

        return "global::System.Threading.Tasks.Task" + (body is null ? string.Empty : "<" + body + ">");
    }

    private static string PropertyType(RefitParameter p, ApiModelIndex index)
    {
        var ns = "global::" + index.Model.Namespace;
        if (p.Model is { } model)
        {
            return Qualified(model.Type, ns, p.IsOptional);
        }

        if (p.Part is not null)
        {
            // The part's declared type: Refit's MultipartItem, a string, or a JSON part's type (global:: or spec-qualified).
            return p.Type;
        }

        var body = p.Body!;
        return body.Kind switch
        {
            MediaKind.Text => "string",
            MediaKind.Binary => "global::System.IO.Stream",
            _ => Qualified(body.Type with { IsNullable = false }, ns, false),
        } + (p.IsOptional ? "?" : string.Empty);
    }

    /// <summary><see cref="CSharpTypes.Of"/> with the spec's named types qualified.</summary>
    private static string Qualified(TypeRef type, string ns, bool nullable)
    {
        var name = type.Kind switch
        {
            TypeKind.Named when type.Name is not null => ns + "." + type.Name,
            TypeKind.Array => "global::System.Collections.Generic.IReadOnlyList<" + Qualified(type.Item ?? TypeRef.Any, ns, type.Item?.IsNullable ?? false) + ">",
            TypeKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Qualified(type.Item ?? TypeRef.Any, ns, type.Item?.IsNullable ?? false) + ">",
            _ => CSharpTypes.Of(type with { IsNullable = false }),
        };
        return nullable || type.IsNullable ? name + "?" : name;
    }

    /// <summary>The operations that take one parameter list, and the class that carries it.</summary>
    private sealed class Shape
    {
        public Shape(string name, IReadOnlyList<RefitParameter> parameters, OperationModel first)
        {
            Name = name;
            Parameters = parameters;
            First = first;
            var taken = new HashSet<string>(System.StringComparer.Ordinal) { name };
            Properties = parameters.Select(p =>
            {
                var bare = CSharpNames.Unescape(p.Name);
                return CSharpNames.MakeUnique(char.ToUpperInvariant(bare[0]) + bare.Substring(1), taken);
            }).ToList();
        }

        public string Name { get; }

        public IReadOnlyList<RefitParameter> Parameters { get; }

        public List<string> Properties { get; }

        public OperationModel First { get; }

        public int Count { get; set; }
    }
}
