using System;
using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Naming;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Generator.Parsing;

/// <summary>An operation read from the spec, with what grouping and naming still need.</summary>
internal sealed record ReadOperation(string? Tag, OperationModel Model, SpecNode NameLocation);

/// <summary>
/// The operations of <c>paths</c>: paths in document order, methods in a fixed order. An operation
/// the generated client could not call correctly is skipped with a diagnostic at the cause.
/// </summary>
internal sealed class OperationReader
{
    private static readonly char[] PathSeparator = { '/' };

    public static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly NodeReader _reader;
    private readonly ReferenceResolver _references;
    private readonly SchemaReader _schemas;
    private readonly ParameterReader _parameters;
    private readonly RequestBodyReader _bodies;
    private readonly ResponseReader _responses;
    private readonly EquatableArray<SecurityRequirementModel> _rootSecurity;
    private readonly string? _rootServer;
    private readonly EquatableArray<ServerModel> _rootServers;

    private readonly OperationFilter? _filter;

    public OperationReader(NodeReader reader, ReferenceResolver references, SchemaReader schemas, EquatableArray<SecurityRequirementModel> rootSecurity, string? rootServer, EquatableArray<ServerModel> rootServers = default, OperationFilter? filter = null)
    {
        _filter = filter;
        _reader = reader;
        _references = references;
        _schemas = schemas;
        _parameters = new ParameterReader(reader, references, schemas);
        _bodies = new RequestBodyReader(references, schemas);
        _responses = new ResponseReader(reader, references, schemas);
        _rootSecurity = rootSecurity;
        _rootServer = rootServer;
        _rootServers = rootServers;
    }

    /// <summary>How many operations the spec declares (read or skipped).</summary>
    public int Declared { get; private set; }

    /// <summary>The <see cref="OperationFilter"/> selectors that matched some operation.</summary>
    public HashSet<string> MatchedSelectors { get; } = new(StringComparer.Ordinal);

    /// <summary>The first tag of every operation, in document order, without reading anything else.</summary>
    public static IEnumerable<string?> FirstTags(SpecMappingNode paths)
    {
        foreach (var path in paths.Children)
        {
            if (path.Value is not SpecMappingNode item)
            {
                continue;
            }

            foreach (var method in Methods)
            {
                if (NodeReader.Find(item, method) is SpecMappingNode operation)
                {
                    yield return NodeReader.Find(operation, "tags") is SpecSequenceNode { Children.Length: > 0 } tags
                        && tags.Children[0] is SpecScalarNode { Value: { } tag } ? tag : null;
                }
            }
        }
    }

    public List<ReadOperation> ReadPaths(SpecMappingNode paths)
    {
        var operations = new List<ReadOperation>();
        foreach (var entry in paths.Children)
        {
            _reader.ThrowIfCancellationRequested();
            if (entry.Key is not SpecScalarNode { Value: { } path })
            {
                _reader.Report(DiagnosticDescriptors.InvalidValue, entry.Key, "path", "a string", "the path");
                continue;
            }

            SpecMappingNode item;
            try
            {
                item = _references.Follow(entry.Value, path);
            }
            catch (SpecProblemException problem)
            {
                _reader.Report(problem, "the path '" + path + "'");
                continue;
            }

            foreach (var method in Methods)
            {
                _reader.ThrowIfCancellationRequested();
                var methodKey = NodeReader.FindKey(item, method);
                if (methodKey is null)
                {
                    continue;
                }

                Declared++;
                if (_filter is not null && !_filter.Keeps(path, OperationFilters.OperationId(item, method), OperationFilters.Tags(item, method), MatchedSelectors))
                {
                    // Left out by the spec's options: not read, so nothing about it is reported.
                    continue;
                }

                var httpMethod = method.ToUpperInvariant();
                if (method == "trace")
                {
                    // Refit has no TRACE attribute, so a Refit interface cannot declare the operation.
                    _reader.Report(DiagnosticDescriptors.Unsupported, methodKey, "A TRACE operation (Refit clients cannot send TRACE)", "the operation TRACE " + path);
                    continue;
                }

                try
                {
                    var operation = NodeReader.Find(item, method) as SpecMappingNode
                        ?? throw SpecProblemException.InvalidValue(NodeReader.Find(item, method)!, method, "an operation object (a mapping)");
                    operations.Add(Read(path, (SpecScalarNode)entry.Key, item, httpMethod, methodKey, operation));
                }
                catch (SpecProblemException problem)
                {
                    _reader.Report(problem, "the operation " + httpMethod + " " + path);
                }
            }
        }

        return operations;
    }

    private ReadOperation Read(string path, SpecScalarNode pathKey, SpecMappingNode item, string httpMethod, SpecScalarNode methodKey, SpecMappingNode operation)
    {
        var operationId = NodeReader.String(operation, "operationId");
        var name = operationId is null ? string.Empty : CSharpNames.Pascal(operationId, string.Empty);
        SpecNode nameLocation = NodeReader.Find(operation, "operationId") ?? methodKey;
        if (name.Length == 0)
        {
            name = GeneratedName(httpMethod, path);
            operationId ??= name;
            _reader.Report(DiagnosticDescriptors.MissingOperationId, methodKey, httpMethod, path, name);
        }

        var tag = NodeReader.Sequence(operation, "tags") is { Children.Length: > 0 } tags
            ? (tags.Children[0] as SpecScalarNode)?.Value ?? throw SpecProblemException.InvalidValue(tags.Children[0], "tags", "a list of strings")
            : null;

        var parameters = _parameters.Read(NodeReader.Sequence(item, "parameters"), NodeReader.Sequence(operation, "parameters"), name);
        foreach (var variable in ServerUrls.TemplateVariables(path))
        {
            if (!parameters.Any(p => p.Location == ParameterLocation.Path && p.WireName == variable))
            {
                throw SpecProblemException.Unsupported(pathKey, "The path variable '{" + variable + "}' without a path parameter");
            }
        }

        var body = _bodies.Read(NodeReader.Find(operation, "requestBody"), name);
        var responses = _responses.Read(NodeReader.Mapping(operation, "responses"), name);
        var security = SecurityReader.Requirements(operation) ?? _rootSecurity;
        var server = ServerUrls.First(NodeReader.Sequence(operation, "servers"))
            ?? ServerUrls.First(NodeReader.Sequence(item, "servers"))
            ?? _rootServer;
        var servers = ServerUrls.All(NodeReader.Sequence(operation, "servers"));
        servers = servers.IsEmpty ? ServerUrls.All(NodeReader.Sequence(item, "servers")) : servers;
        servers = servers.IsEmpty ? _rootServers : servers;

        var model = new OperationModel(
            name,
            operationId!,
            httpMethod,
            path,
            server,
            NodeReader.String(operation, "summary") ?? NodeReader.String(item, "summary"),
            NodeReader.String(operation, "description") ?? NodeReader.String(item, "description"),
            NodeReader.Boolean(operation, "deprecated") ?? false,
            parameters,
            body,
            responses.Success,
            responses.TextAlternatives,
            responses.Errors,
            security,
            servers);
        return new ReadOperation(tag, model, nameLocation);
    }

    /// <summary><c>GET /pets/{id}</c> -> <c>GetPetsById</c>.</summary>
    public static string GeneratedName(string httpMethod, string path)
    {
        var words = new List<string> { httpMethod.ToLowerInvariant() };
        foreach (var segment in path.Split(PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(ServerUrls.IsVariableSegment(segment) ? "By " + segment.Substring(1, segment.Length - 2) : segment);
        }

        return CSharpNames.Pascal(string.Join(" ", words), "Operation");
    }
}
