using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Generator.Parsing;

/// <summary>
/// The request body of an operation: JSON is preferred, then a form (whose schema must be an
/// object type), then text, then octet-stream or any other single media type as bytes, then multipart/form-data
/// (see <see cref="MultipartReader"/>). Other multipart bodies cannot be sent by the generated client: the
/// operation is skipped.
/// </summary>
internal sealed class RequestBodyReader
{
    private readonly ReferenceResolver _references;
    private readonly SchemaReader _schemas;

    public RequestBodyReader(ReferenceResolver references, SchemaReader schemas)
    {
        _references = references;
        _schemas = schemas;
    }

    public RequestBodyModel? Read(SpecNode? node, string operationName)
    {
        if (node is null || NodeReader.IsNull(node))
        {
            return null;
        }

        var body = _references.Follow(node, "requestBody");
        var content = NodeReader.Mapping(body, "content");
        if (content is null || content.Children.Length == 0)
        {
            return null;
        }

        var required = NodeReader.Boolean(body, "required") ?? false;
        var description = NodeReader.String(body, "description");
        var media = NodeReader.Entries(content).ToList();

        if (Pick(media, MediaTypes.IsJson) is { } json)
        {
            return new RequestBodyModel(MediaKind.Json, json.Key.Value!, SchemaOf(json.Value, operationName), required, description);
        }

        if (Pick(media, MediaTypes.IsForm) is { } form)
        {
            var type = SchemaOf(form.Value, operationName);
            if (!_schemas.IsObject(type))
            {
                throw SpecProblemException.Unsupported(form.Key, "A form body whose schema is not an object with properties");
            }

            return new RequestBodyModel(MediaKind.Form, form.Key.Value!, type, required, description);
        }

        if (Pick(media, MediaTypes.IsText) is { } text)
        {
            return new RequestBodyModel(MediaKind.Text, text.Key.Value!, TypeRef.String, required, description);
        }

        if ((Pick(media, MediaTypes.IsOctetStream) ?? Pick(media, m => !MediaTypes.IsMultipart(m))) is { } binary)
        {
            return new RequestBodyModel(MediaKind.Binary, binary.Key.Value!, new TypeRef(TypeKind.Bytes), required, description);
        }

        if (Pick(media, MultipartReader.IsFormData) is { } multipart)
        {
            return MultipartReader.Read(multipart.Key, multipart.Value, SchemaOf(multipart.Value, operationName), _schemas, required, description);
        }

        throw SpecProblemException.Unsupported(media[0].Key, "The multipart request body '" + media[0].Key.Value + "'");
    }

    private TypeRef SchemaOf(SpecNode mediaType, string operationName)
    {
        if (mediaType is not SpecMappingNode map)
        {
            throw SpecProblemException.InvalidValue(mediaType, "media type", "a mapping");
        }

        return NodeReader.Find(map, "schema") is { } schema && !NodeReader.IsNull(schema)
            ? _schemas.Read(schema, operationName + "Request")
            : TypeRef.Any;
    }

    private static KeyValuePair<SpecScalarNode, SpecNode>? Pick(List<KeyValuePair<SpecScalarNode, SpecNode>> media, System.Func<string, bool> predicate)
    {
        foreach (var entry in media)
        {
            if (predicate(entry.Key.Value!))
            {
                return entry;
            }
        }

        return null;
    }
}
