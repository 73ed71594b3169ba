using System.Text.Json;
using System.Text.Json.Serialization;

namespace CmuContracts.NSwag.Tests.AdobePass;

/// <summary>Reads a HAL link value that is either one <see cref="Link"/> object or an array of them.</summary>
public sealed class LinkOrLinksJsonConverter : JsonConverter<IReadOnlyList<Link>>
{
    public override IReadOnlyList<Link> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.StartObject => [JsonSerializer.Deserialize<Link>(ref reader, options)!],
            JsonTokenType.StartArray => JsonSerializer.Deserialize<List<Link>>(ref reader, options) ?? [],
            JsonTokenType.Null => [],
            _ => throw new JsonException($"A HAL link must be an object or an array, not {reader.TokenType}."),
        };

    // Writes the shape the service uses: an object for exactly one link, an array otherwise.
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<Link> value, JsonSerializerOptions options)
    {
        if (value.Count == 1)
        {
            JsonSerializer.Serialize(writer, value[0], options);
        }
        else
        {
            JsonSerializer.Serialize(writer, value, options);
        }
    }
}
