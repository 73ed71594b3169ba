namespace CmuContracts.Generator.Model;

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <summary>How a query parameter is serialized (OpenAPI <c>style</c> and <c>explode</c>).</summary>
internal enum QueryStyle
{
    /// <summary>form: arrays as repeated keys (explode) or comma-separated; exploded maps as key=value pairs.</summary>
    Form,
    SpaceDelimited,
    PipeDelimited,
    /// <summary>deepObject: name[key]=value.</summary>
    DeepObject,
}

/// <summary>The media family of a body; decides how the emitter writes or reads it.</summary>
internal enum MediaKind
{
    /// <summary>application/json or any +json type (application/problem+json, application/vnd.example+json).</summary>
    Json,
    /// <summary>application/x-www-form-urlencoded.</summary>
    Form,
    /// <summary>text/* (text/csv, text/plain, text/html): read or sent as a string.</summary>
    Text,
    /// <summary>application/octet-stream and other opaque types: byte[].</summary>
    Binary,
    /// <summary>multipart/form-data: one Refit <c>[Multipart]</c> parameter per property of the body's object schema.</summary>
    Multipart,
    /// <summary>text/event-stream: server-sent events, each event's data a value of the type.</summary>
    EventStream,
    /// <summary>application/x-ndjson, application/jsonl: one JSON value of the type a line.</summary>
    JsonLines,
}

/// <param name="AllowReserved">
/// OpenAPI <c>allowReserved: true</c> on a form-style query scalar or list of scalars: RFC 3986's reserved characters
/// are sent literally, but for those that would change the query's structure (see the runtime's
/// <c>ReservedQueryText</c>). False on every shape it is not implemented for.
/// </param>
internal sealed record ParameterModel(
    string WireName,
    string Name,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    QueryStyle Style,
    bool Explode,
    string? Description,
    bool AllowReserved = false);

/// <param name="Encodings">For multipart bodies, the content types the spec's <c>encoding</c> gives its parts.</param>
internal sealed record RequestBodyModel(MediaKind Kind, string MediaType, TypeRef Type, bool IsRequired, string? Description, EquatableArray<PartEncodingModel> Encodings = default);

/// <summary>A response body: its media type and, for JSON, the type it reads into (text and binary imply string/byte[]).</summary>
internal sealed record ResponseBodyModel(MediaKind Kind, string MediaType, TypeRef Type);

/// <summary>A declared non-success response. <see cref="StatusCode"/> is "400", "4XX" or "default".</summary>
internal sealed record ErrorResponseModel(string StatusCode, ResponseBodyModel? Body, string? Description);

/// <summary>One alternative of an operation's security: every scheme named here applies together.</summary>
internal sealed record SecurityRequirementModel(EquatableArray<string> SchemeNames);

/// <summary>
/// An operation. Any 2xx is success. <see cref="Success"/> is the primary 2xx JSON (or text/binary)
/// body, null when no 2xx declares one; <see cref="TextAlternatives"/> are other 2xx media types
/// (e.g. text/csv beside JSON), each emitted as its own method returning a string.
/// </summary>
internal sealed record OperationModel(
    string Name,
    string OperationId,
    string HttpMethod,
    string Path,
    string? ServerUrl,
    string? Summary,
    string? Description,
    bool IsDeprecated,
    EquatableArray<ParameterModel> Parameters,
    RequestBodyModel? Body,
    ResponseBodyModel? Success,
    EquatableArray<ResponseBodyModel> TextAlternatives,
    EquatableArray<ErrorResponseModel> Errors,
    EquatableArray<SecurityRequirementModel> Security,
    EquatableArray<ServerModel> Servers = default);

/// <summary>The operations of one tag: one interface (<c>I{Name}Client</c>) and one implementation (<c>{Name}Client</c>).</summary>
/// <remarks><see cref="Servers"/>: every server its operations list, in the order first met (the first is the default).</remarks>
internal sealed record ClientModel(string Name, string? Description, string? DefaultServerUrl, EquatableArray<OperationModel> Operations, EquatableArray<ServerModel> Servers = default);

/// <summary>A security scheme from components.securitySchemes (type: http/apiKey/oauth2/openIdConnect).</summary>
internal sealed record SecuritySchemeModel(string Name, string Type, string? Scheme, string? In, string? ParameterName);
