using System;
using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Naming;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Generator.Parsing;

/// <summary>
/// Operations grouped into clients: one per first tag (PascalCase), in order of first appearance;
/// untagged operations go to the client named after the spec's ClientName. Operation names are
/// made unique within their client (CMU1006).
/// </summary>
internal static class ClientGrouping
{
    public static string ClientNameOf(string? tag, string clientName) =>
        tag is null ? clientName : CSharpNames.Pascal(WithoutNumbering(tag), clientName);

    /// <summary>
    /// A tag without the outline numbering some specs use to order their sections
    /// (<c>1. Configuration</c>, <c>02 - Users</c>, <c>3.1) Orders</c> -> the name alone), so the client is
    /// <c>ConfigurationClient</c>, not <c>_1ConfigurationClient</c>. A tag that is only a number, or whose
    /// digits start a word (<c>3D Models</c>), is kept.
    /// </summary>
    internal static string WithoutNumbering(string tag)
    {
        var i = 0;
        while (i < tag.Length && char.IsWhiteSpace(tag[i]))
        {
            i++;
        }

        var digits = i;
        while (i < tag.Length && (char.IsDigit(tag[i]) || (tag[i] == '.' && i > digits && i + 1 < tag.Length && char.IsDigit(tag[i + 1]))))
        {
            i++;
        }

        if (i == digits)
        {
            return tag;
        }

        var separator = i;
        while (i < tag.Length && (char.IsWhiteSpace(tag[i]) || tag[i] is '.' or ')' or '-' or ':' or '_'))
        {
            i++;
        }

        var rest = tag.Substring(i);
        return i == separator || CSharpNames.PascalWords(rest).Length == 0 ? tag : rest;
    }

    public static EquatableArray<ClientModel> Group(NodeReader reader, IReadOnlyList<ReadOperation> operations, string clientName, SpecMappingNode root)
    {
        var descriptions = TagDescriptions(reader, root);
        var order = new List<string>();
        // Case-insensitive: clients whose names differ only in case would collide as generated file names.
        var byClient = new Dictionary<string, (List<OperationModel> Operations, HashSet<string> Names, string? Description)>(StringComparer.OrdinalIgnoreCase);
        foreach (var operation in operations)
        {
            var name = ClientNameOf(operation.Tag, clientName);
            if (!byClient.TryGetValue(name, out var client))
            {
                string? description = null;
                if (operation.Tag is not null)
                {
                    descriptions.TryGetValue(operation.Tag, out description);
                }

                client = (new List<OperationModel>(), new HashSet<string>(StringComparer.Ordinal), description);
                byClient.Add(name, client);
                order.Add(name);
            }

            var model = operation.Model;
            var unique = CSharpNames.MakeUnique(model.Name, client.Names);
            if (unique != model.Name)
            {
                reader.Report(DiagnosticDescriptors.NameCollision, operation.NameLocation, model.OperationId, model.Name, unique);
                model = model with { Name = unique };
            }

            client.Operations.Add(model);
        }

        var clients = new List<ClientModel>();
        foreach (var name in order)
        {
            var (list, _, description) = byClient[name];
            var servers = list.SelectMany(o => o.Servers).GroupBy(s => s.Url, StringComparer.Ordinal).Select(g => g.First()).ToEquatableArray();
            clients.Add(new ClientModel(name, description, list[0].ServerUrl, list.ToEquatableArray(), servers));
        }

        return clients.ToEquatableArray();
    }

    private static Dictionary<string, string?> TagDescriptions(NodeReader reader, SpecMappingNode root)
    {
        var descriptions = new Dictionary<string, string?>(StringComparer.Ordinal);
        var tags = reader.Tolerant(() => NodeReader.Sequence(root, "tags"), null, "the tag descriptions");
        foreach (var tag in tags?.Children ?? Array.Empty<SpecNode>())
        {
            if (tag is SpecMappingNode map && NodeReader.Find(map, "name") is SpecScalarNode { Value: { } name } && !descriptions.ContainsKey(name))
            {
                descriptions[name] = reader.Tolerant(() => NodeReader.String(map, "description"), null, "the description of tag '" + name + "'");
            }
        }

        return descriptions;
    }
}
