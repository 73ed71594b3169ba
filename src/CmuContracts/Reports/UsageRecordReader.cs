using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace CmuContracts.Reports;

/// <summary>
/// Reads a CMU record object (every value a JSON string or number) into a <see cref="UsageRecord"/>:
/// tree dimensions and non-integer values are dimensions, integers are metrics.
/// </summary>
internal static class UsageRecordReader
{
    /// <summary>Reads the object the reader is on (StartObject) and leaves it on the EndObject.</summary>
    public static UsageRecord Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A CMU report record is a JSON object, not {reader.TokenType}.");
        }

        var dimensions = new List<KeyValuePair<string, string>>();
        var metrics = new List<KeyValuePair<string, long>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            string? text = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number => Encoding(ref reader),
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                _ => null,
            };
            if (text is null)
            {
                reader.Skip(); // null, or a nested value no CMU record has.
                continue;
            }

            if (!UsageReportTree.IsDimension(name) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                metrics.Add(new(name, value));
            }
            else
            {
                dimensions.Add(new(name, text));
            }
        }

        return new UsageRecord(dimensions, metrics);
    }

    /// <summary>
    /// A record the generated client read, through its own JSON writer (so no name is mapped by hand).
    /// That writer uses schema order, so dimensions are put back in <paramref name="columns"/> order
    /// (the path, then bare dimensions), as CMU sends them.
    /// </summary>
    public static UsageRecord From(AdobePass.UsageRecord record, string[] columns)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AdobePass.Internal.JsonValueWriter.WriteModel(writer, record);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        reader.Read();
        var read = Read(ref reader);
        var rank = (string name) => Array.IndexOf(columns, name) is var i and >= 0 ? i : int.MaxValue;
        return new UsageRecord(read.Dimensions.OrderBy(d => rank(d.Key)), read.Metrics);
    }

    private static string Encoding(ref Utf8JsonReader reader) =>
        System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
}
