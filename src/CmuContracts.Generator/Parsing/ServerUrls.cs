using System;
using System.Text;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Generator.Parsing;

/// <summary>The servers of a <c>servers</c> list, their <c>{variables}</c> replaced by their defaults.</summary>
internal static class ServerUrls
{
    public static string? First(SpecSequenceNode? servers) =>
        servers is null || servers.Children.Length == 0 ? null : Url(servers.Children[0]);

    /// <summary>
    /// Every server of the list, in order; empty when there is none. It never throws: <see cref="First"/> reports a
    /// malformed list, and a malformed entry is left out here.
    /// </summary>
    public static EquatableArray<ServerModel> All(SpecSequenceNode? servers)
    {
        if (servers is null)
        {
            return EquatableArray<ServerModel>.Empty;
        }

        var all = new System.Collections.Generic.List<ServerModel>();
        foreach (var child in servers.Children)
        {
            try
            {
                all.Add(new ServerModel(Url(child), child is SpecMappingNode server && NodeReader.Find(server, "description") is SpecScalarNode ? NodeReader.String(server, "description") : null));
            }
            catch (SpecProblemException)
            {
                // Reported by First when it is the first entry; a later malformed entry only goes unlisted.
            }
        }

        return all.ToEquatableArray();
    }

    private static string Url(SpecNode node)
    {
        if (node is not SpecMappingNode server)
        {
            throw SpecProblemException.InvalidValue(node, "servers", "a list of server objects");
        }

        var url = NodeReader.RequiredString(server, "url");
        var variables = NodeReader.Mapping(server, "variables");
        if (variables is null || url.IndexOf('{') < 0)
        {
            return url;
        }

        var result = new StringBuilder(url.Length);
        var position = 0;
        while (position < url.Length)
        {
            var open = url.IndexOf('{', position);
            var close = open < 0 ? -1 : url.IndexOf('}', open + 1);
            if (close < 0)
            {
                result.Append(url, position, url.Length - position);
                break;
            }

            result.Append(url, position, open - position);
            var name = url.Substring(open + 1, close - open - 1);
            if (NodeReader.Find(variables, name) is SpecMappingNode variable && NodeReader.String(variable, "default") is { } value)
            {
                result.Append(value);
            }
            else
            {
                result.Append(url, open, close - open + 1);
            }

            position = close + 1;
        }

        return result.ToString();
    }

    /// <summary>The <c>{name}</c> variables of a path template, in order.</summary>
    public static System.Collections.Generic.IEnumerable<string> TemplateVariables(string path)
    {
        var position = 0;
        while (true)
        {
            var open = path.IndexOf('{', position);
            var close = open < 0 ? -1 : path.IndexOf('}', open + 1);
            if (close < 0)
            {
                yield break;
            }

            yield return path.Substring(open + 1, close - open - 1);
            position = close + 1;
        }
    }

    public static bool IsVariableSegment(string segment) =>
        segment.StartsWith("{", StringComparison.Ordinal) && segment.EndsWith("}", StringComparison.Ordinal);
}
