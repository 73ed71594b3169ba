using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Naming;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Generator.Parsing;

/// <summary>What the responses of one operation give the client.</summary>
internal sealed record ResponsesModel(
    ResponseBodyModel? Success,
    EquatableArray<ResponseBodyModel> TextAlternatives,
    EquatableArray<ErrorResponseModel> Errors);

/// <summary>
/// The responses of an operation. Success is the first 2xx (ascending, <c>2XX</c> last) with
/// content: its first JSON media type, else its first text/*, else its first other type as bytes;
/// the other text/* types of that response are its text alternatives. Errors are the 4xx, 5xx,
/// 4XX, 5XX and default responses in declaration order, with a JSON or text body when declared.
/// </summary>
internal sealed class ResponseReader
{
    private readonly ReferenceResolver _references;
    private readonly SchemaReader _schemas;
    private readonly NodeReader _reader;

    public ResponseReader(NodeReader reader, ReferenceResolver references, SchemaReader schemas)
    {
        _reader = reader;
        _references = references;
        _schemas = schemas;
    }

    public ResponsesModel Read(SpecMappingNode? responses, string operationName)
    {
        if (responses is null)
        {
            return new ResponsesModel(null, EquatableArray<ResponseBodyModel>.Empty, EquatableArray<ErrorResponseModel>.Empty);
        }

        var entries = NodeReader.Entries(responses).ToList();
        ResponseBodyModel? success = null;
        var alternatives = new List<ResponseBodyModel>();
        foreach (var entry in entries.Where(e => SuccessRank(e.Key.Value!) >= 0).OrderBy(e => SuccessRank(e.Key.Value!)))
        {
            var response = _references.Follow(entry.Value, "response");
            var media = Media(response);
            if (media.Count == 0)
            {
                continue;
            }

            var primary = media.FirstOrDefault(m => MediaTypes.IsJson(m.Key.Value!));
            primary = primary.Key is not null ? primary : media.FirstOrDefault(m => MediaTypes.IsText(m.Key.Value!));
            primary = primary.Key is not null ? primary : media[0];
            success = Body(primary, operationName + "Response");
            foreach (var other in media)
            {
                if (StreamResponseReader.IsStream(other.Key.Value!))
                {
                    StreamResponseReader.Add(alternatives, other, _schemas, operationName + "Event");
                    continue;
                }

                if (!ReferenceEquals(other.Key, primary.Key) && MediaTypes.IsText(other.Key.Value!))
                {
                    alternatives.Add(new ResponseBodyModel(MediaKind.Text, other.Key.Value!, TypeRef.String));
                }
            }

            break;
        }

        var errors = new List<ErrorResponseModel>();
        foreach (var entry in entries)
        {
            _reader.ThrowIfCancellationRequested();
            var code = entry.Key.Value!;
            if (!IsError(code))
            {
                continue;
            }

            var response = _references.Follow(entry.Value, "response");
            var media = Media(response);
            var chosen = media.FirstOrDefault(m => MediaTypes.IsJson(m.Key.Value!));
            chosen = chosen.Key is not null ? chosen : media.FirstOrDefault(m => MediaTypes.IsText(m.Key.Value!));
            var body = chosen.Key is null ? null : Body(chosen, operationName + (code == "default" ? "Default" : CSharpNames.PascalWords(code.ToUpperInvariant())) + "Error");
            var status = code == "default" ? code : code.ToUpperInvariant();
            errors.Add(new ErrorResponseModel(status, body, NodeReader.String(response, "description")));
        }

        return new ResponsesModel(success, alternatives.ToEquatableArray(), errors.ToEquatableArray());
    }

    /// <summary>The order of a success status (200..299 ascending, then 2XX), or -1.</summary>
    private static int SuccessRank(string code)
    {
        if (string.Equals(code, "2XX", StringComparison.OrdinalIgnoreCase))
        {
            return 300;
        }

        return code.Length == 3 && int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 200 and <= 299
            ? status
            : -1;
    }

    private static bool IsError(string code) =>
        code == "default"
        || (code.Length == 3 && (code[0] == '4' || code[0] == '5')
            && ((char.IsDigit(code[1]) && char.IsDigit(code[2])) || string.Equals(code.Substring(1), "XX", StringComparison.OrdinalIgnoreCase)));

    private static List<KeyValuePair<SpecScalarNode, SpecNode>> Media(SpecMappingNode response) =>
        NodeReader.Mapping(response, "content") is { } content ? NodeReader.Entries(content).ToList() : new();

    private ResponseBodyModel Body(KeyValuePair<SpecScalarNode, SpecNode> media, string hint)
    {
        var mediaType = media.Key.Value!;
        if (MediaTypes.IsJson(mediaType))
        {
            if (media.Value is not SpecMappingNode map)
            {
                throw SpecProblemException.InvalidValue(media.Value, mediaType, "a media type object (a mapping)");
            }

            var type = NodeReader.Find(map, "schema") is { } schema && !NodeReader.IsNull(schema) ? _schemas.Read(schema, hint) : TypeRef.Any;
            return new ResponseBodyModel(MediaKind.Json, mediaType, type);
        }

        return MediaTypes.IsText(mediaType)
            ? new ResponseBodyModel(MediaKind.Text, mediaType, TypeRef.String)
            : new ResponseBodyModel(MediaKind.Binary, mediaType, new TypeRef(TypeKind.Bytes));
    }
}
