using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>Writes the JSON equivalent of a YAML spec, so YAML specs can also be read as JSON by both paths.</summary>
internal static partial class YamlToJson
{
    public static string Convert(string yaml, JsonLayout layout)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode, layout);
    }

    /// <summary>The JSON of a YAML node tree (for trees a test has edited).</summary>
    public static string Convert(YamlNode root, JsonLayout layout)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions
        {
            // Keep non-ASCII text raw so the positions of multi-byte characters are exercised.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Indented = layout != JsonLayout.Minified,
            IndentCharacter = layout == JsonLayout.TabsCrLf ? '\t' : ' ',
            IndentSize = layout == JsonLayout.TabsCrLf ? 1 : 2,
            NewLine = layout == JsonLayout.TabsCrLf ? "\r\n" : "\n",
        };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            Write(writer, root);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                writer.WriteStartObject();
                foreach (var entry in map.Children)
                {
                    writer.WritePropertyName(((YamlScalarNode)entry.Key).Value ?? string.Empty);
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                throw new InvalidOperationException("Unexpected YAML node " + node.NodeType);
        }
    }

    /// <summary>Plain YAML scalars that are JSON literals stay literals; everything else is a string.</summary>
    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        var plain = scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any;
        if (plain && (value.Length == 0 || value is "~" or "null"))
        {
            writer.WriteNullValue();
        }
        else if (plain && value is "true" or "false")
        {
            writer.WriteBooleanValue(value == "true");
        }
        else if (plain && JsonNumber().IsMatch(value))
        {
            writer.WriteRawValue(value);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}
