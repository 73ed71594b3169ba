using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CmuContracts.Benchmarks;

/// <summary>A synthetic JSON OpenAPI document and what it declares.</summary>
internal sealed record SyntheticJsonSpec(string Json, int OperationCount, int SchemaCount);

/// <summary>
/// Builds a deterministic OpenAPI 3.0 JSON document shaped like large public payment and commerce APIs (about
/// 2 MB, pretty-printed): resources with list, create, retrieve, update and delete operations; form-encoded
/// request bodies with inline, nested schemas; inline list envelopes; expandable fields (anyOf of an id or the
/// object); inline string enums; long multi-sentence descriptions with non-ASCII text; objects nested several
/// levels deep. Same seed and sizes, same text.
/// </summary>
internal static class SyntheticJsonSpecBuilder
{
    public const int DefaultSeed = 20_261_122;

    private static readonly string[] Words =
    {
        "account", "balance", "charge", "customer", "dispute", "invoice", "payout", "refund", "session", "transfer",
        "the", "of", "is", "when", "this", "value", "object", "which", "can", "be", "used", "to", "for", "a", "an",
        "created", "updated", "expires", "currency", "amount", "naïve", "résumé", "€", "default", "optional",
    };

    public static SyntheticJsonSpec Build(int seed = DefaultSeed, int resources = 60, int maxDepth = 5)
    {
        var random = new Random(seed);
        var buffer = new ArrayBufferWriter<byte>(3 * 1024 * 1024);
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var operations = 0;
        using (var j = new Utf8JsonWriter(buffer, options))
        {
            j.WriteStartObject();
            j.WriteString("openapi", "3.0.3");
            j.WriteStartObject("info");
            j.WriteString("title", "Synthetic public API");
            j.WriteString("version", "2026-11-22");
            j.WriteString("description", Sentences(random, 12));
            j.WriteEndObject();
            j.WriteStartArray("servers");
            j.WriteStartObject();
            j.WriteString("url", "https://api.synthetic.example.com/");
            j.WriteEndObject();
            j.WriteEndArray();

            j.WriteStartObject("paths");
            for (var r = 0; r < resources; r++)
            {
                operations += WriteResourcePaths(j, random, r, resources, maxDepth);
            }

            j.WriteEndObject();

            j.WriteStartObject("components");
            j.WriteStartObject("schemas");
            WriteError(j);
            for (var r = 0; r < resources; r++)
            {
                WriteResourceSchema(j, random, r, resources, maxDepth);
            }

            j.WriteEndObject();
            j.WriteEndObject();
            j.WriteEndObject();
        }

        return new SyntheticJsonSpec(Encoding.UTF8.GetString(buffer.WrittenSpan), operations, resources + 1);
    }

    private static int WriteResourcePaths(Utf8JsonWriter j, Random random, int r, int resources, int maxDepth)
    {
        var name = ResourceName(r);
        var collection = "/v1/" + name + "s";
        j.WriteStartObject(collection);
        j.WriteStartObject("get");
        Operation(j, random, "list" + Pascal(name) + "s", name, "Returns a list of " + name + " objects. ");
        j.WriteStartArray("parameters");
        QueryParameter(j, random, "limit", "integer", null);
        QueryParameter(j, random, "starting_after", "string", null);
                QueryParameter(j, random, "created", "integer", "int64");
        j.WriteEndArray();
        Responses(j, random, writeBody: () => ListEnvelope(j, random, name));
        j.WriteEndObject();
        j.WriteStartObject("post");
        Operation(j, random, "create" + Pascal(name), name, "Creates a new " + name + " object. ");
        FormBody(j, random, r, resources, maxDepth);
        Responses(j, random, writeBody: () => Ref(j, Pascal(name)));
        j.WriteEndObject();
        j.WriteEndObject();

        j.WriteStartObject(collection + "/{" + name + "}");
        j.WriteStartArray("parameters");
        j.WriteStartObject();
        j.WriteString("name", name);
        j.WriteString("in", "path");
        j.WriteBoolean("required", true);
        j.WriteStartObject("schema");
        j.WriteString("type", "string");
        j.WriteNumber("maxLength", 5000);
        j.WriteEndObject();
        j.WriteEndObject();
        j.WriteEndArray();
        j.WriteStartObject("get");
        Operation(j, random, "retrieve" + Pascal(name), name, "Retrieves the details of an existing " + name + ". ");
        j.WriteStartArray("parameters");
        QueryParameter(j, random, "expand", "array", null);
        j.WriteEndArray();
        Responses(j, random, writeBody: () => Ref(j, Pascal(name)));
        j.WriteEndObject();
        j.WriteStartObject("post");
        Operation(j, random, "update" + Pascal(name), name, "Updates the specified " + name + " by setting the values of the parameters passed. ");
        FormBody(j, random, r, resources, maxDepth);
        Responses(j, random, writeBody: () => Ref(j, Pascal(name)));
        j.WriteEndObject();
        j.WriteStartObject("delete");
        Operation(j, random, "delete" + Pascal(name), name, "Permanently deletes a " + name + ". It cannot be undone. ");
        Responses(j, random, writeBody: () => Ref(j, Pascal(name)));
        j.WriteEndObject();
        j.WriteEndObject();
        return 5;
    }

    private static void Operation(Utf8JsonWriter j, Random random, string operationId, string tag, string summary)
    {
        j.WriteString("operationId", operationId);
        j.WriteString("summary", summary.TrimEnd());
        j.WriteString("description", "<p>" + summary + Sentences(random, 4) + "</p>");
        j.WriteStartArray("tags");
        j.WriteStringValue(Pascal(tag.Split('_')[0]));
        j.WriteEndArray();
    }

    private static void QueryParameter(Utf8JsonWriter j, Random random, string name, string type, string? format)
    {
        j.WriteStartObject();
        j.WriteString("name", name);
        j.WriteString("in", "query");
        j.WriteString("description", Sentences(random, 2));
        j.WriteBoolean("required", false);
        j.WriteStartObject("schema");
        j.WriteString("type", type);
        if (type == "array")
        {
            j.WriteStartObject("items");
            j.WriteString("type", "string");
            j.WriteNumber("maxLength", 5000);
            j.WriteEndObject();
        }

        if (format is not null)
        {
            j.WriteString("format", format);
        }

        j.WriteEndObject();
        if (type == "array")
        {
            j.WriteString("style", "form");
            j.WriteBoolean("explode", true);
        }

        j.WriteEndObject();
    }

    private static void FormBody(Utf8JsonWriter j, Random random, int r, int resources, int maxDepth)
    {
        j.WriteStartObject("requestBody");
        j.WriteBoolean("required", false);
        j.WriteStartObject("content");
        j.WriteStartObject("application/x-www-form-urlencoded");
        j.WriteStartObject("schema");
        InlineObject(j, random, r, resources, depth: 1, maxDepth, properties: 3 + random.Next(6));
        j.WriteEndObject();
        j.WriteEndObject();
        j.WriteEndObject();
        j.WriteEndObject();
    }

    private static void Responses(Utf8JsonWriter j, Random random, Action writeBody)
    {
        j.WriteStartObject("responses");
        j.WriteStartObject("200");
        j.WriteString("description", "Successful response. " + Sentences(random, 1));
        j.WriteStartObject("content");
        j.WriteStartObject("application/json");
        j.WriteStartObject("schema");
        writeBody();
        j.WriteEndObject();
        j.WriteEndObject();
        j.WriteEndObject();
        j.WriteEndObject();
        j.WriteStartObject("default");
        j.WriteString("description", "Error response.");
        j.WriteStartObject("content");
        j.WriteStartObject("application/json");
        j.WriteStartObject("schema");
        Ref(j, "Error");
        j.WriteEndObject();
        j.WriteEndObject();
        j.WriteEndObject();
        j.WriteEndObject();
        j.WriteEndObject();
    }

    private static void ListEnvelope(Utf8JsonWriter j, Random random, string name)
    {
        j.WriteString("type", "object");
        j.WriteString("description", Sentences(random, 2));
        j.WriteStartArray("required");
        j.WriteStringValue("data");
        j.WriteStringValue("has_more");
        j.WriteEndArray();
        j.WriteStartObject("properties");
        j.WriteStartObject("data");
        j.WriteString("type", "array");
        j.WriteStartObject("items");
        Ref(j, Pascal(name));
        j.WriteEndObject();
        j.WriteEndObject();
        j.WriteStartObject("has_more");
        j.WriteString("type", "boolean");
        j.WriteString("description", "True if this list has another page of items after this one.");
        j.WriteEndObject();
        j.WriteStartObject("url");
        j.WriteString("type", "string");
        j.WriteString("description", "The URL where this list can be accessed.");
        j.WriteEndObject();
        j.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter j)
    {
        j.WriteStartObject("Error");
        j.WriteString("type", "object");
        j.WriteStartObject("properties");
        foreach (var field in new[] { "code", "message", "param", "type" })
        {
            j.WriteStartObject(field);
            j.WriteString("type", "string");
            j.WriteEndObject();
        }

        j.WriteEndObject();
        j.WriteEndObject();
    }

    private static void WriteResourceSchema(Utf8JsonWriter j, Random random, int r, int resources, int maxDepth)
    {
        j.WriteStartObject(Pascal(ResourceName(r)));
        InlineObject(j, random, r, resources, depth: 1, maxDepth, properties: 6 + random.Next(10));
        j.WriteEndObject();
    }

    /// <summary>An object schema whose properties may be primitives, inline enums, expandables, arrays or deeper objects.</summary>
    private static void InlineObject(Utf8JsonWriter j, Random random, int r, int resources, int depth, int maxDepth, int properties)
    {
        j.WriteString("type", "object");
        j.WriteString("description", Sentences(random, 1 + random.Next(3)));
        var required = new List<string>();
        j.WriteStartObject("properties");
        for (var p = 0; p < properties; p++)
        {
            var name = Words[random.Next(10)] + "_" + p.ToString(CultureInfo.InvariantCulture);
            if (random.Next(3) == 0)
            {
                required.Add(name);
            }

            j.WriteStartObject(name);
            var kind = random.Next(depth < maxDepth ? 9 : 7);
            switch (kind)
            {
                case 0 or 1:
                    j.WriteString("type", "string");
                    j.WriteNumber("maxLength", 5000);
                    break;
                case 2:
                    j.WriteString("type", "integer");
                    break;
                case 3:
                    j.WriteString("type", "boolean");
                    break;
                case 4:
                    j.WriteString("type", "string");
                    j.WriteStartArray("enum");
                    for (var e = 0; e < 2 + random.Next(5); e++)
                    {
                        j.WriteStringValue(Words[10 + random.Next(15)] + "_" + e.ToString(CultureInfo.InvariantCulture));
                    }

                    j.WriteEndArray();
                    break;
                case 5:
                    // Expandable: the id, or the object itself.
                    j.WriteStartArray("anyOf");
                    j.WriteStartObject();
                    j.WriteString("type", "string");
                    j.WriteNumber("maxLength", 5000);
                    j.WriteEndObject();
                    j.WriteStartObject();
                    Ref(j, Pascal(ResourceName(random.Next(resources))));
                    j.WriteEndObject();
                    j.WriteEndArray();
                    j.WriteBoolean("nullable", true);
                    break;
                case 6:
                    j.WriteString("type", "object");
                    j.WriteStartObject("additionalProperties");
                    j.WriteString("type", "string");
                    j.WriteEndObject();
                    break;
                case 7:
                    j.WriteString("type", "array");
                    j.WriteStartObject("items");
                    InlineObject(j, random, r, resources, depth + 1, maxDepth, properties: 2 + random.Next(3));
                    j.WriteEndObject();
                    break;
                default:
                    // A nested object carries its own description.
                    InlineObject(j, random, r, resources, depth + 1, maxDepth, properties: 2 + random.Next(3));
                    break;
            }

            if (kind < 7)
            {
                j.WriteString("description", Sentences(random, 1 + random.Next(2)));
            }

            j.WriteEndObject();
        }

        j.WriteEndObject();
        if (required.Count > 0)
        {
            j.WriteStartArray("required");
            foreach (var name in required)
            {
                j.WriteStringValue(name);
            }

            j.WriteEndArray();
        }
    }

    private static void Ref(Utf8JsonWriter j, string schema) => j.WriteString("$ref", "#/components/schemas/" + schema);

    private static string Sentences(Random random, int count)
    {
        var text = new StringBuilder();
        for (var s = 0; s < count; s++)
        {
            var length = 8 + random.Next(16);
            for (var w = 0; w < length; w++)
            {
                var word = Words[random.Next(Words.Length)];
                text.Append(w == 0 ? Pascal(word) : word).Append(w == length - 1 ? ". " : " ");
            }
        }

        return text.ToString().TrimEnd();
    }

    private static string ResourceName(int r) => Words[r % 10] + (r / 10 == 0 ? string.Empty : "_item" + (r / 10).ToString(CultureInfo.InvariantCulture));

    private static string Pascal(string s) => string.Concat(s.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
