using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Emitting.Refit;

/// <summary>How one spec parameter (or the body) binds in Refit: its attributes, C# type and query kind.</summary>
internal enum RefitBindingKind
{
    Path,
    /// <summary>One <c>key=value</c> pair.</summary>
    QueryScalar,
    /// <summary>An array with a Refit <c>CollectionFormat</c>.</summary>
    QueryCollection,
    /// <summary>Maps and objects: flattened by a generated <c>IQueryConverter</c>, which Refit's generator calls too.</summary>
    QueryConverter,
    Header,
    JsonBody,
    FormBody,
    RawBody,
    /// <summary>One part of a <c>[Multipart]</c> body (see <see cref="MultipartParameters"/>).</summary>
    MultipartPart,
}

internal sealed class RefitParameter
{
    internal RefitParameter(string name, string type, bool optional, RefitBindingKind kind, string attributes, ParameterModel? model, RequestBodyModel? body)
    {
        Name = name;
        Type = type;
        IsOptional = optional;
        Kind = kind;
        Attributes = attributes;
        Model = model;
        Body = body;
    }

    public string Name { get; }

    /// <summary>The declared C# type, with <c>?</c> when optional.</summary>
    public string Type { get; }

    public bool IsOptional { get; }

    public RefitBindingKind Kind { get; }

    /// <summary>The Refit attributes, e.g. <c>[global::Refit.Query(global::Refit.CollectionFormat.Multi)]</c>, or empty.</summary>
    public string Attributes { get; }

    public ParameterModel? Model { get; }

    public RequestBodyModel? Body { get; }

    /// <summary>The multipart part this parameter sends, or null.</summary>
    public MultipartPart? Part { get; init; }

    /// <summary>The name on the wire (query key, header name, path placeholder).</summary>
    public string WireName => Model?.WireName ?? Name;

    /// <summary>The <c>[Query(Format = ...)]</c> that keeps dates in ISO 8601, or null.</summary>
    public string? Format => Model is null ? null : DateFormat(Model.Type.Kind);

    /// <summary>
    /// The named arguments of a scalar's <c>[Query]</c> (empty when none): the date format, or
    /// <c>TreatAsString</c> for extensible enums, which are structs Refit would otherwise flatten
    /// into their properties (<c>Value=...&amp;IsKnown=...</c>).
    /// </summary>
    public string QueryArguments => Model?.Type.Kind switch
    {
        TypeKind.DateTime or TypeKind.Date => "Format = " + Literals.String(Format!),
        TypeKind.Named => "TreatAsString = true",
        _ => string.Empty,
    };

    /// <summary>Required parameters first (path, query, header, then the body), optional ones after.</summary>
    public static IReadOnlyList<RefitParameter> For(OperationModel op, ApiModelIndex index)
    {
        if (op.Body is { Kind: MediaKind.Multipart } multipart)
        {
            return MultipartParameters.For(op, multipart, index);
        }

        var all = new List<RefitParameter>();
        foreach (var parameter in op.Parameters.Where(p => p.IsRequired))
        {
            all.Add(Create(parameter, index, optional: false));
        }

        if (op.Body is { IsRequired: true } body)
        {
            all.Add(Create(body, index, optional: false));
        }

        foreach (var parameter in op.Parameters.Where(p => !p.IsRequired))
        {
            all.Add(Create(parameter, index, optional: true));
        }

        if (op.Body is { IsRequired: false } optionalBody)
        {
            all.Add(Create(optionalBody, index, optional: true));
        }

        return all;
    }

    /// <summary>The C# parameter list, attributes included when <paramref name="attributes"/>; the token last.</summary>
    public static string Declaration(IReadOnlyList<RefitParameter> parameters, bool attributes, bool defaults)
    {
        var parts = parameters.Select(p => (attributes && p.Attributes.Length > 0 ? p.Attributes + " " : string.Empty) + p.Type + " " + p.Name
            + (defaults && p.IsOptional ? " = null" : string.Empty)).ToList();
        parts.Add("global::System.Threading.CancellationToken cancellationToken" + (defaults ? " = default" : string.Empty));
        return string.Join(", ", parts);
    }

    /// <summary>The Refit <c>CollectionFormat</c> member of the parameter's style and explode (for lists).</summary>
    public string CollectionFormat => CollectionFormatOf(Model!);

    /// <summary>
    /// The runtime converter of a map query parameter (the parser admits only exploded form maps of
    /// strings or string lists).
    /// </summary>
    public static string ConverterName(ParameterModel parameter) => parameter.Type.Kind == TypeKind.Named
        ? ObjectQueryConverters.Name(parameter.Type)
        : parameter.Style == QueryStyle.DeepObject
        ? "MapDeepObjectQueryConverter"
        : (parameter.Type.Item is { Kind: TypeKind.Array } ? "ListMap" : "Map") + "FormExplodedQueryConverter";

    /// <summary>The runtime converter of a query parameter bound through one: <see cref="ConverterName(ParameterModel)"/>, or an allowReserved one.</summary>
    public static string ConverterName(ParameterModel parameter, ApiModelIndex index) =>
        parameter.AllowReserved ? ReservedConverterName(parameter, index) : ConverterName(parameter);

    /// <summary>
    /// The key prefix the converter is handed: the <c>[Query]</c> prefix and delimiter, as Refit's generator passes
    /// them; a deepObject's is <c>name[</c>, which its converter closes after each key; an allowReserved parameter's
    /// is its key (declared <c>[Query("", key)]</c>, so the runtime converters serve any parameter).
    /// </summary>
    public static string ConverterPrefix(ParameterModel parameter) =>
        parameter.AllowReserved ? parameter.WireName : parameter.Style == QueryStyle.DeepObject ? parameter.WireName + "[" : string.Empty;

    /// <summary>
    /// The runtime converter that sends an <c>allowReserved</c> parameter (see ReservedQueryConverters in the runtime),
    /// closed over the declared type's element (lists) or the declared type itself (scalars; Nullable when optional).
    /// </summary>
    private static string ReservedConverterName(ParameterModel p, ApiModelIndex index)
    {
        if (p.Type.Kind == TypeKind.Array)
        {
            var item = p.Type.Item!;
            return "Reserved" + (p.Explode ? "Exploded" : "Csv") + "QueryConverter<" + CSharpTypes.Of(item, item.IsNullable) + ">";
        }

        var type = CSharpTypes.IsValueType(p.Type, index) ? CSharpTypes.Of(p.Type, !p.IsRequired) : CSharpTypes.Of(p.Type with { IsNullable = false });
        return "ReservedQueryConverter<" + type + ">";
    }

    private static string? DateFormat(TypeKind kind) => kind switch
    {
        TypeKind.DateTime => "o",
        TypeKind.Date => "yyyy-MM-dd",
        _ => null,
    };

    private static string CollectionFormatOf(ParameterModel p) => p.Style switch
    {
        QueryStyle.SpaceDelimited => "Ssv",
        QueryStyle.PipeDelimited => "Pipes",
        _ => p.Explode ? "Multi" : "Csv",
    };

    /// <summary>The binding of one spec parameter (path, query or header).</summary>
    internal static RefitParameter ForParameter(ParameterModel p, ApiModelIndex index, bool optional) => Create(p, index, optional);

    private static RefitParameter Create(ParameterModel p, ApiModelIndex index, bool optional)
    {
        var type = CSharpTypes.Of(p.Type, optional);
        var alias = p.WireName == p.Name.TrimStart('@') ? string.Empty : "[global::Refit.AliasAs(" + Literals.String(p.WireName) + ")] ";
        switch (p.Location)
        {
            case ParameterLocation.Path:
                return new RefitParameter(p.Name, type, optional, RefitBindingKind.Path, alias.TrimEnd(), p, null);
            case ParameterLocation.Header:
                return new RefitParameter(p.Name, type, optional, RefitBindingKind.Header, "[global::Refit.Header(" + Literals.String(p.WireName) + ")]", p, null);
        }

        if (p.AllowReserved)
        {
            // The key travels as the [Query] prefix (empty delimiter), so Refit's generator hands the converter the same key.
            return new RefitParameter(p.Name, type, optional, RefitBindingKind.QueryConverter,
                "[global::Refit.QueryConverter(typeof(global::" + index.Model.Namespace + ".Internal." + ReservedConverterName(p, index) + "))] [global::Refit.Query(\"\", "
                + Literals.String(p.WireName) + ")]", p, null);
        }

        if (p.Type.Kind == TypeKind.Array)
        {
            return new RefitParameter(p.Name, type, optional, RefitBindingKind.QueryCollection,
                alias + "[global::Refit.Query(global::Refit.CollectionFormat." + CollectionFormatOf(p) + ")]", p, null);
        }

        if (p.Type.Kind == TypeKind.Map || ObjectQueryConverters.IsObject(p.Type, index))
        {
            var prefix = p.Style == QueryStyle.DeepObject ? " [global::Refit.Query(\"[\", " + Literals.String(p.WireName) + ")]" : string.Empty;
            return new RefitParameter(p.Name, type, optional, RefitBindingKind.QueryConverter,
                "[global::Refit.QueryConverter(typeof(global::" + index.Model.Namespace + ".Internal." + ConverterName(p) + "))]" + prefix, p, null);
        }

        var scalar = new RefitParameter(p.Name, type, optional, RefitBindingKind.QueryScalar, string.Empty, p, null);
        var arguments = scalar.QueryArguments;
        return new RefitParameter(p.Name, type, optional, RefitBindingKind.QueryScalar,
            alias + "[global::Refit.Query" + (arguments.Length == 0 ? string.Empty : "(" + arguments + ")") + "]", p, null);
    }

    private static RefitParameter Create(RequestBodyModel body, ApiModelIndex index, bool optional)
    {
        var type = body.Kind switch
        {
            MediaKind.Text => "string",
            MediaKind.Binary => "global::System.IO.Stream",
            _ => CSharpTypes.Of(body.Type with { IsNullable = false }),
        } + (optional ? "?" : string.Empty);
        var kind = body.Kind switch
        {
            MediaKind.Json => RefitBindingKind.JsonBody,
            MediaKind.Form => RefitBindingKind.FormBody,
            _ => RefitBindingKind.RawBody,
        };
        var attribute = kind == RefitBindingKind.FormBody ? "[global::Refit.Body(global::Refit.BodySerializationMethod.UrlEncoded)]" : "[global::Refit.Body]";
        return new RefitParameter(BodyName, type, optional, kind, attribute, null, body);
    }

    public const string BodyName = "body";
}
