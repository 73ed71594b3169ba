using System;
using System.Text;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Generator.Parsing;

/// <summary>The URL of the first server of a <c>servers</c> list, its <c>{variables}</c> replaced by their defaults.</summary>
internal static class ServerUrls
{
    public static string? First(SpecSequenceNode? servers)
    {
        if (servers is null || servers.Children.Length == 0)
        {
            return null;
        }

        if (servers.Children[0] is not SpecMappingNode server)
        {
            throw SpecProblemException.InvalidValue(servers.Children[0], "servers", "a list of server objects");
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
