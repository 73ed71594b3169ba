using System;
using System.Collections.Generic;

namespace CmuContracts.Generator.Emitting;

/// <summary>Turns spec descriptions into XML doc comments (escaped, one line per source line).</summary>
internal static class DocComments
{

    /// <summary>
    /// A summary from spec text (escaped), or, when the spec says nothing, from
    /// <paramref name="fallbackXml"/>: the generator's own wording, already valid XML.
    /// </summary>
    public static void Summary(SourceWriter writer, string? text, string? fallbackXml = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (!string.IsNullOrWhiteSpace(fallbackXml))
            {
                writer.Line("/// <summary>", OneLine(fallbackXml!), "</summary>");
            }

            return;
        }

        var lines = new List<string>(SplitLines(text!));
        // A one-line text stays on one line: text is never wrapped, so a frame around it would only add lines.
        if (lines.Count == 1)
        {
            writer.Line("/// <summary>", Escape(lines[0]), "</summary>");
            return;
        }

        writer.Line("/// <summary>");
        foreach (var line in lines)
        {
            writer.Line("/// " + Escape(line));
        }

        writer.Line("/// </summary>");
    }

    public static void Param(SourceWriter writer, string name, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            writer.Line("/// <param name=\"", name.TrimStart('@'), "\">", Escape(string.Join(" ", SplitLines(text!))), "</param>");
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
