using System;
using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Naming;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Generator.Parsing;

/// <summary>
/// The parameters of one operation: path-item parameters merged with the operation's (the
/// operation's win on the same name and location), references followed. A parameter the client
/// cannot send is skipped when optional; when required, the whole operation is (the exception
/// propagates to <see cref="OperationReader"/>).
/// </summary>
internal sealed class ParameterReader
{
    /// <summary>
    /// Names the generated methods use for their own parameters and locals (the request builder's settings, path,
    /// operationId, security, methodName, accept, request, query and useDefaultFormatting; a multipart body's
    /// multipart, part and item): a spec parameter of that name would not compile (CS0100, CS0136).
    /// </summary>
    private static readonly string[] MethodParameterNames =
    {
        "body", "cancellationToken", "options", "settings", "path", "operationId", "security", "methodName", "accept",
        "request", "query", "useDefaultFormatting", "multipart", "part", "item",
    };

    /// <summary>Header parameters OpenAPI says to ignore: the body, content negotiation and security decide these.</summary>
    private static readonly string[] IgnoredHeaders = { "Accept", "Content-Type", "Authorization" };

    private readonly NodeReader _reader;
    private readonly ReferenceResolver _references;
    private readonly SchemaReader _schemas;

    public ParameterReader(NodeReader reader, ReferenceResolver references, SchemaReader schemas)
    {
        _reader = reader;
        _references = references;
        _schemas = schemas;
    }

    public EquatableArray<ParameterModel> Read(SpecSequenceNode? pathItemParameters, SpecSequenceNode? operationParameters, string operationName)
    {
        var merged = new List<(string Name, string In, SpecMappingNode Node, string? Component)>();
        foreach (var list in new[] { pathItemParameters, operationParameters })
        {
            foreach (var item in list?.Children ?? Array.Empty<SpecNode>())
            {
                var node = _references.Follow(item, "parameter");
                var entry = (NodeReader.RequiredString(node, "name"), NodeReader.RequiredString(node, "in"), node, ComponentName(item));
                var index = merged.FindIndex(p => p.Name == entry.Item1 && p.In == entry.Item2);
                if (index >= 0)
                {
                    merged[index] = entry;
                }
                else
                {
                    merged.Add(entry);
                }
            }
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var parameters = new List<ParameterModel>();
        foreach (var (wireName, location, node, component) in merged)
        {
            _reader.ThrowIfCancellationRequested();
            if (location == "header" && IgnoredHeaders.Any(h => string.Equals(h, wireName, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var required = location == "path" || NodeReader.Boolean(node, "required") == true;
            try
            {
                // A shared parameter's inline types are named after the component, not after whichever operation came first.
                var typeName = component is null ? operationName + CSharpNames.Pascal(wireName) : CSharpNames.Pascal(component);
                var parameter = ReadOne(wireName, location, node, required, typeName);
                var name = CSharpNames.Camel(OperatorWords.Spell(wireName, parameter.Type));
                if (Array.IndexOf(MethodParameterNames, CSharpNames.Unescape(name)) >= 0)
                {
                    name = CSharpNames.Unescape(name) + "Value";
                }

                var unique = CSharpNames.MakeUnique(name, taken);
                if (unique != name)
                {
                    _reader.Report(DiagnosticDescriptors.NameCollision, NodeReader.Find(node, "name") ?? node, wireName, CSharpNames.Unescape(name), CSharpNames.Unescape(unique));
                }

                parameters.Add(parameter with { Name = unique });
            }
            catch (SpecProblemException problem) when (!required)
            {
                _reader.Report(problem, "the optional parameter '" + wireName + "'");
            }
        }

        return parameters.ToEquatableArray();
    }

    /// <summary>
    /// Query shapes a Refit interface can declare: scalars, lists of scalars (any collection format), and
    /// exploded form maps of strings or of string lists (through a generated <c>IQueryConverter</c>).
    /// </summary>
    private bool HasRefitBinding(TypeRef type, QueryStyle style, bool explode) => type.Kind switch
    {
        TypeKind.Map => (style == QueryStyle.Form && explode && type.Item is { Kind: TypeKind.String, IsNullable: false } or { Kind: TypeKind.Array, IsNullable: false, Item: { Kind: TypeKind.String, IsNullable: false } })
            || ObjectQueryShapes.IsDeepObjectMap(type, style),
        TypeKind.Named when _schemas.KindOf(type) == TypeModelKind.Object => ObjectQueryShapes.IsFlatObject(_schemas.ModelOf(type), style, explode, IsScalar),
        TypeKind.Array => type.Item is { } item && IsScalar(item),
        _ => IsScalar(type),
    };

    private bool IsScalar(TypeRef type) => type.Kind switch
    {
        TypeKind.Array or TypeKind.Map or TypeKind.Any => false,
        TypeKind.Named => _schemas.KindOf(type) == TypeModelKind.Enum,
        _ => true,
    };

    private static string? ComponentName(SpecNode item) =>
        item is SpecMappingNode map && NodeReader.String(map, "$ref") is { } reference && reference.StartsWith("#/", StringComparison.Ordinal)
            ? ReferenceResolver.ComponentKey(ReferenceResolver.Segments(reference, item), "parameters")
            : null;

    private ParameterModel ReadOne(string wireName, string location, SpecMappingNode node, bool required, string typeName)
    {
        var inNode = NodeReader.Find(node, "in")!;
        var kind = location switch
        {
            "path" => ParameterLocation.Path,
            "query" => ParameterLocation.Query,
            "header" => ParameterLocation.Header,
            "cookie" => throw SpecProblemException.Unsupported(inNode, "The cookie parameter '" + wireName + "'"),
            _ => throw SpecProblemException.InvalidValue(inNode, "in", "one of path, query, header or cookie"),
        };

        var schema = NodeReader.Find(node, "schema");
        if (schema is null && NodeReader.FindKey(node, "content") is { } content)
        {
            throw SpecProblemException.Unsupported(content, "The parameter '" + wireName + "' described by 'content' instead of 'schema'");
        }

        var type = schema is null ? TypeRef.String : _schemas.Read(schema, typeName);

        var styleNode = NodeReader.Find(node, "style");
        var style = NodeReader.String(node, "style");
        var queryStyle = QueryStyle.Form;
        if (kind == ParameterLocation.Query)
        {
            queryStyle = style switch
            {
                null or "form" => QueryStyle.Form,
                "spaceDelimited" => QueryStyle.SpaceDelimited,
                "pipeDelimited" => QueryStyle.PipeDelimited,
                "deepObject" => QueryStyle.DeepObject,
                _ => throw SpecProblemException.Unsupported(styleNode!, "The style '" + style + "' for the query parameter '" + wireName + "'"),
            };
        }
        else if (style is not null and not "simple")
        {
            throw SpecProblemException.Unsupported(styleNode!, "The style '" + style + "' for the " + location + " parameter '" + wireName + "'");
        }

        var explode = NodeReader.Boolean(node, "explode") ?? (kind == ParameterLocation.Query && queryStyle == QueryStyle.Form);
        if (kind == ParameterLocation.Query && !HasRefitBinding(type, queryStyle, explode))
        {
            throw SpecProblemException.Unsupported(styleNode ?? schema ?? inNode, ObjectQueryShapes.Describe(wireName, type, queryStyle, explode, _schemas));
        }

        var description = NodeReader.String(node, "description");
        var allowReserved = kind == ParameterLocation.Query && NodeReader.Boolean(node, "allowReserved") == true && AllowsReserved(type, queryStyle);
        return new ParameterModel(wireName, wireName, kind, type, required, queryStyle, explode, description, allowReserved);
    }

    /// <summary>
    /// The shapes <c>allowReserved</c> is implemented for: form-style scalars and lists of scalars (exploded or
    /// comma-joined). Elsewhere (delimited lists, maps, objects) it is ignored and values stay fully escaped.
    /// </summary>
    private bool AllowsReserved(TypeRef type, QueryStyle style) =>
        style == QueryStyle.Form && (type.Kind == TypeKind.Array ? type.Item is { } item && IsScalar(item) : IsScalar(type));
}
