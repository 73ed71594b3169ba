using System;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CmuContracts.Generator.Parsing;

/// <summary>
/// Turns spec text (YAML, or JSON, which is flow YAML) into the root node of its first document
/// (<see cref="SpecTreeLoader"/>, or <see cref="YamlStreamTree"/> where the light loader defers to YamlDotNet).
/// Syntax errors, duplicate keys included, become CMU1001 at the place the YAML reader stopped.
/// JSON may take <see cref="JsonSpecTree"/>, and YAML <see cref="YamlSpecTree"/>, which build the same tree without
/// parsing events; where they do not apply, the YAML parser reads the text as before.
/// </summary>
internal static class YamlDocumentLoader
{
    /// <summary>Specs whose file name says JSON take the JSON fast path.</summary>
    public static bool IsJsonPath(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public static SpecNode? Load(NodeReader reader, string text, FastPaths fastPaths)
    {
        // The YAML fast path first: it also reads indented JSON, faster than the JSON one (no UTF-8 copy of the text).
        if ((fastPaths & FastPaths.Yaml) != 0)
        {
            try
            {
                return YamlSpecTree.Load(text);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Declined (or, should it ever fail, a fault of its own): the next reader reads the text.
            }
        }

        if ((fastPaths & FastPaths.Json) != 0)
        {
            try
            {
                return JsonSpecTree.Load(text);
            }
            catch (YamlException e)
            {
                // A duplicate key: YAML's own error, where YAML would report it.
                reader.Report(DiagnosticDescriptors.SyntaxError, e.Start, e.End, Describe(e));
                return null;
            }
            catch (JsonSpecTree.Unavailable)
            {
                // Not exactly YAML-equivalent JSON: the YAML parser below reads it and reports what it finds.
            }
        }

        return Load(reader, () => new Parser(new StringReader(text)));
    }

    private static SpecNode? Load(NodeReader reader, Func<IParser> source)
    {
        var parser = new TrackingParser(source());
        try
        {
            SpecNode? root;
            try
            {
                root = SpecTreeLoader.Load(parser);
            }
            catch (SpecTreeLoader.NeedsYamlStream)
            {
                // Aliases to later anchors, complex keys and the like: read the text again the exact, slower way.
                parser = new TrackingParser(source());
                root = YamlStreamTree.Load(parser);
            }

            if (root is null)
            {
                reader.Report(DiagnosticDescriptors.NotOpenApi3, null, "The spec is empty; an OpenAPI 3.0 or 3.1 document was expected");
                return null;
            }

            return root;
        }
        catch (YamlException e)
        {
            reader.Report(DiagnosticDescriptors.SyntaxError, e.Start, e.End, Describe(e));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet throws a few non-YAML exceptions on malformed input: place them after the last event read.
            reader.Report(DiagnosticDescriptors.SyntaxError, parser.LastEnd, parser.LastEnd, "The YAML could not be read after this point: " + e.Message);
            return null;
        }
    }

    private static string Describe(YamlException e)
    {
        var message = e.Message;

        // YamlDotNet sometimes prefixes "(Line: 1, Col: 2, Idx: 3) - (...): "; the location is reported separately.
        var separator = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line", StringComparison.Ordinal) && separator > 0)
        {
            message = message.Substring(separator + 3);
        }

        return message.Length == 0 ? "Invalid YAML" : message;
    }

    /// <summary>Remembers where the last successfully read event ended.</summary>
    private sealed class TrackingParser : IParser
    {
        private readonly IParser _inner;

        public TrackingParser(IParser inner) => _inner = inner;

        public Mark LastEnd { get; private set; } = Mark.Empty;

        public ParsingEvent? Current => _inner.Current;

        public bool MoveNext()
        {
            var moved = _inner.MoveNext();
            if (_inner.Current is { } current)
            {
                LastEnd = current.End;
            }

            return moved;
        }
    }
}
