using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Generator.Parsing;

/// <summary>
/// A success response that streams values: server-sent events (<c>text/event-stream</c>) or JSON Lines
/// (<c>application/x-ndjson</c>, <c>application/jsonl</c>). Its schema (or OpenAPI 3.2's <c>itemSchema</c>) describes
/// one event's data; it becomes an alternative the emitter reads as a stream. One stream per operation: the first.
/// </summary>
internal static class StreamResponseReader
{
    public static bool IsStream(string mediaType) => MediaTypes.Essence(mediaType) switch
    {
        "text/event-stream" or "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" => true,
        _ => false,
    };

    public static void Add(List<ResponseBodyModel> alternatives, KeyValuePair<SpecScalarNode, SpecNode> media, SchemaReader schemas, string hint)
    {
        if (alternatives.Any(a => a.Kind is MediaKind.EventStream or MediaKind.JsonLines))
        {
            return;
        }

        if (media.Value is not SpecMappingNode map)
        {
            throw SpecProblemException.InvalidValue(media.Value, media.Key.Value!, "a media type object (a mapping)");
        }

        var mediaType = media.Key.Value!;
        var kind = MediaTypes.Essence(mediaType) == "text/event-stream" ? MediaKind.EventStream : MediaKind.JsonLines;
        var schema = NodeReader.Find(map, "itemSchema") ?? NodeReader.Find(map, "schema");
        var type = schema is not null && !NodeReader.IsNull(schema) ? schemas.Read(schema, hint) : TypeRef.Any;
        alternatives.Add(new ResponseBodyModel(kind, mediaType, type));
    }
}
