using System;
using System.Collections.Generic;

namespace CmuContracts.Generator.Emitting;

/// <summary>Turns spec descriptions into XML doc comments (escaped, one line per source line).</summary>
internal static class DocComments
{
    public static void Summary(SourceWriter writer, string? text, string? fallback = null)
    {
        var content = string.IsNullOrWhiteSpace(text) ? fallback : text;
        if (string.IsNullOrWhiteSpace(content))
        {
            return;
        }

        writer.Line("/// <summary>");
        foreach (var line in SplitLines(content!))
        {
            writer.Line("/// " + Escape(line));
        }

        writer.Line("/// </summary>");
    }

    public static void Param(SourceWriter writer, string name, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            writer.Line("/// <param name=\"" + name.TrimStart('@') + "\">" + Escape(string.Join(" ", SplitLines(text!))) + "</param>");
        }
    }

    /// <summary>XML-escapes text for one doc-comment line (see <see cref="OneLine"/>).</summary>
    public static string Escape(string text) =>
        OneLine(text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;"));

    /// <summary>Text for one comment line: characters C# reads as line breaks would end the comment, so they become spaces.</summary>
    public static string OneLine(string text) =>
        text.Replace('\r', ' ').Replace('\n', ' ').Replace('\u0085', ' ').Replace('\u2028', ' ').Replace('\u2029', ' ');

    private static IEnumerable<string> SplitLines(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n").Trim().Split('\n'))
        {
            yield return line.TrimEnd();
        }
    }
}
