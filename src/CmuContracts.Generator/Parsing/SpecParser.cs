using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Naming;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Generator.Parsing;

/// <summary>Spec text to <see cref="ApiModel"/> and diagnostics located in the spec.</summary>
internal static class SpecParser
{
    /// <summary>Never throws (except <see cref="OperationCanceledException"/>): every problem becomes a diagnostic.</summary>
    public static ParseResult Parse(SpecInput input, CancellationToken cancellationToken)
    {
        var reader = new NodeReader(input.Path, cancellationToken);
        ApiModel? model = null;
        try
        {
            model = Read(reader, input);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // The generator must never throw: any failure becomes CMU1009.
        catch (Exception e)
#pragma warning restore CA1031
        {
            reader.Report(DiagnosticDescriptors.InternalError, null, e.GetType().Name + ": " + e.Message);
            model = null;
        }

        return new ParseResult(model, reader.Diagnostics.ToEquatableArray());
    }

    private static ApiModel? Read(NodeReader reader, SpecInput input)
    {
        SpecNode? document;
        try
        {
            document = SpecReader.Read(input.Path, input.Text);
        }
        catch (SpecSyntaxException e)
        {
            reader.Report(DiagnosticDescriptors.SyntaxError, e.Start, e.End, e.Message);
            return null;
        }

        if (document is null)
        {
            reader.Report(DiagnosticDescriptors.NotOpenApi3, null, "The spec is empty; an OpenAPI 3.0 or 3.1 document was expected");
            return null;
        }

        if (document is not SpecMappingNode root)
        {
            reader.Report(DiagnosticDescriptors.NotOpenApi3, document, "The spec is not an OpenAPI document: its top level should be a mapping with an 'openapi' field");
            return null;
        }

        if (!IsOpenApi3(reader, root))
        {
            return null;
        }

        var references = new ReferenceResolver(root);
        var info = reader.Tolerant(() => NodeReader.Mapping(root, "info"), null, "the info object");
        var title = info is null ? null : reader.Tolerant(() => NodeReader.String(info, "title"), null, "the title");
        var version = info is null ? null : reader.Tolerant(() => NodeReader.String(info, "version"), null, "the version");
        var paths = reader.Tolerant(() => NodeReader.Mapping(root, "paths"), null, "every operation");
        var components = reader.Tolerant(() => NodeReader.Mapping(root, "components"), null, "every component");

        var clientNames = paths is null
            ? Enumerable.Empty<string>()
            : OperationReader.FirstTags(paths).Select(tag => ClientGrouping.ClientNameOf(tag, input.ClientName)).Distinct().ToList();
        var registry = new TypeRegistry(reader, TypeRegistry.ReservedNames(input.ClientName, clientNames));
        var schemas = new SchemaReader(reader, references, registry);
        if (components is not null && reader.Tolerant(() => NodeReader.Mapping(components, "schemas"), null, "every component schema") is { } componentSchemas)
        {
            reader.Tolerant(() => { schemas.DeclareComponents(componentSchemas); return true; }, false, "the component schemas after this one");
            schemas.ReadComponents();
        }

        var securitySchemes = components is null
            ? EquatableArray<SecuritySchemeModel>.Empty
            : SecurityReader.Schemes(reader, references, reader.Tolerant(() => NodeReader.Mapping(components, "securitySchemes"), null, "the security schemes"));

        var rootSecurity = reader.Tolerant(() => SecurityReader.Requirements(root), null, "the root security requirements") ?? EquatableArray<SecurityRequirementModel>.Empty;
        var rootServer = reader.Tolerant(() => ServerUrls.First(NodeReader.Sequence(root, "servers")), null, "the root servers");

        var operations = new List<ReadOperation>();
        var filter = input.EffectiveOptions.Filter;
        var rootServers = reader.Tolerant(() => ServerUrls.All(NodeReader.Sequence(root, "servers")), EquatableArray<ServerModel>.Empty, "the root servers");
        var operationReader = new OperationReader(reader, references, schemas, rootSecurity, rootServer, rootServers, filter);
        if (paths is not null)
        {
            operations = operationReader.ReadPaths(paths);
        }

        OperationFilters.ReportUnmatched(reader, filter, operationReader.MatchedSelectors, NodeReader.FindKey(root, "openapi"));

        if (operationReader.Declared == 0)
        {
            reader.Report(DiagnosticDescriptors.NoOperations, (SpecNode?)NodeReader.FindKey(root, "paths") ?? NodeReader.FindKey(root, "openapi"));
        }

        var clients = ClientGrouping.Group(reader, operations, input.ClientName, root);
        // With an operation filter, only the types the chosen operations reach are generated, components included.
        var types = registry.ToTypes(UsedTypes(clients), allComponents: filter is null);
        return new ApiModel(input.Namespace, input.ClientName, input.HintPrefix, title, version, rootServer, types, clients, securitySchemes);
    }

    private static bool IsOpenApi3(NodeReader reader, SpecMappingNode root)
    {
        var openapi = NodeReader.Find(root, "openapi");
        if (openapi is SpecScalarNode { Value: { } value } && (value.StartsWith("3.0", StringComparison.Ordinal) || value.StartsWith("3.1", StringComparison.Ordinal)))
        {
            return true;
        }

        if (openapi is not null)
        {
            reader.Report(DiagnosticDescriptors.NotOpenApi3, openapi, "The spec declares openapi '" + ((openapi as SpecScalarNode)?.Value ?? "?") + "'; only OpenAPI 3.0 and 3.1 are supported");
        }
        else if (NodeReader.Find(root, "swagger") is { } swagger)
        {
            reader.Report(DiagnosticDescriptors.NotOpenApi3, swagger, "The spec is Swagger " + ((swagger as SpecScalarNode)?.Value ?? "2.0") + "; only OpenAPI 3.0 and 3.1 are supported (convert it to OpenAPI 3)");
        }
        else
        {
            reader.Report(DiagnosticDescriptors.NotOpenApi3, root, "The spec has no 'openapi' field; an OpenAPI 3.0 or 3.1 document was expected");
        }

        return false;
    }

    private static IEnumerable<TypeRef> UsedTypes(EquatableArray<ClientModel> clients)
    {
        foreach (var operation in clients.SelectMany(c => c.Operations))
        {
            foreach (var parameter in operation.Parameters)
            {
                yield return parameter.Type;
            }

            if (operation.Body is not null)
            {
                yield return operation.Body.Type;
            }

            if (operation.Success is not null)
            {
                yield return operation.Success.Type;
            }

            // Streamed alternatives carry the type of their events.
            foreach (var alternative in operation.TextAlternatives)
            {
                yield return alternative.Type;
            }

            foreach (var error in operation.Errors)
            {
                if (error.Body is not null)
                {
                    yield return error.Body.Type;
                }
            }
        }
    }
}
