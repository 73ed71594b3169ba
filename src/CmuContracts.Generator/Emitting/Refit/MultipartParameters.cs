using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Naming;

namespace CmuContracts.Generator.Emitting.Refit;

/// <summary>How one multipart part is declared and sent.</summary>
internal enum MultipartPartKind
{
    /// <summary>A binary property: a Refit <c>MultipartItem</c> (<c>StreamPart</c>, <c>ByteArrayPart</c>, <c>FileInfoPart</c>).</summary>
    File,
    /// <summary>An array of binaries: one part per item, under the same name.</summary>
    Files,
    /// <summary>A string of any format (or a string enum, given by its wire value): a text part.</summary>
    Text,
    /// <summary>An array of strings or scalars: one text part per item.</summary>
    Texts,
    /// <summary>A number or boolean: a JSON part, as Refit sends one.</summary>
    Scalar,
    /// <summary>An object, map, union or free-form value: a JSON part.</summary>
    Json,
}

/// <summary>A property of a multipart body's schema, as the part it becomes.</summary>
internal sealed record MultipartPart(PropertyModel Property, MultipartPartKind Kind, TypeRef Type, string? ContentType, string? Description);

/// <summary>
/// A <c>multipart/form-data</c> body as Refit sends one: a <c>[Multipart]</c> method with one parameter per part,
/// named on the wire by <c>[AliasAs]</c>. Files are Refit's <c>MultipartItem</c>s and text parts strings; numbers,
/// booleans and objects are JSON parts, as Refit's own generator sends them, but written through the generated JSON
/// metadata whenever the content serializer takes it, so nothing needs reflection.
/// </summary>
internal static class MultipartParameters
{
    /// <summary>Refit's default boundary (<c>[Multipart]</c> without an argument).</summary>
    private const string Boundary = "----MyGreatBoundary";

    private const string Runner = "global::Refit.GeneratedRequestRunner.";

    /// <summary>Names the request builder uses for its own locals and parameters: parts never take them.</summary>
    private static readonly string[] Reserved =
    {
        "cancellationToken", "settings", "request", "query", "useDefaultFormatting", "path", "operationId", "security",
        "methodName", "accept", "multipart", "part", "item", "client", "body",
    };

    /// <summary>Required spec parameters, required parts, optional spec parameters, optional parts (the token is added last).</summary>
    public static IReadOnlyList<RefitParameter> For(OperationModel op, RequestBodyModel body, ApiModelIndex index)
    {
        var taken = new HashSet<string>(op.Parameters.Select(p => CSharpNames.Unescape(p.Name)).Concat(Reserved), System.StringComparer.Ordinal);
        var parts = (index.Find(body.Type.Name)?.Properties ?? default)
            .Select(property => Create(property, body, index, taken))
            .ToList();
        var all = new List<RefitParameter>();
        all.AddRange(op.Parameters.Where(p => p.IsRequired).Select(p => RefitParameter.ForParameter(p, index, optional: false)));
        all.AddRange(parts.Where(p => !p.IsOptional));
        all.AddRange(op.Parameters.Where(p => !p.IsRequired).Select(p => RefitParameter.ForParameter(p, index, optional: true)));
        all.AddRange(parts.Where(p => p.IsOptional));
        return all;
    }

    /// <summary>The parameter's doc text: the property's description, and the content type the spec gives the part.</summary>
    public static string Doc(MultipartPart part)
    {
        var text = part.Description ?? "The " + part.Property.JsonName + " part.";
        if (part.ContentType is { } contentType)
        {
            text += " The spec sends it as " + contentType + (part.Kind is MultipartPartKind.File or MultipartPartKind.Files ? " (give the part that content type)." : ".");
        }
        else if (part.Kind is MultipartPartKind.File or MultipartPartKind.Files)
        {
            text += " A StreamPart, ByteArrayPart or FileInfoPart.";
        }

        return text;
    }

    /// <summary>Builds <c>request.Content</c> from the part parameters, in declaration order, as Refit's generator does.</summary>
    public static void EmitContent(SourceWriter w, IReadOnlyList<RefitParameter> parameters, SharedFields shared)
    {
        w.Line("var multipart = new global::System.Net.Http.MultipartFormDataContent(", Literals.String(Boundary), ");");
        foreach (var p in parameters.Where(p => p.Part is not null))
        {
            var part = p.Part!;
            var wire = Literals.String(part.Property.JsonName);
            // Refit checks every reference for null, required or not; a nullable value type is read through .Value.
            var nullable = p.Type.EndsWith("?", System.StringComparison.Ordinal);
            var guarded = nullable || IsReference(part);
            var value = nullable && !IsReference(part) ? p.Name + ".Value" : p.Name;
            if (guarded)
            {
                w.Open("if (" + p.Name + " != null)");
            }

            switch (part.Kind)
            {
                case MultipartPartKind.File:
                    w.Line("multipart.Add(" + p.Name + ".ToContent(), " + p.Name + ".Name ?? " + wire + ", string.IsNullOrEmpty(" + p.Name + ".FileName) ? " + wire + " : " + p.Name + ".FileName);");
                    break;
                case MultipartPartKind.Files:
                    w.Open("foreach (var part in " + p.Name + ")");
                    w.Line("multipart.Add(part.ToContent(), part.Name ?? ", wire, ", string.IsNullOrEmpty(part.FileName) ? ", wire, " : part.FileName);");
                    w.Close();
                    break;
                case MultipartPartKind.Text:
                    w.Line("multipart.Add(new global::System.Net.Http.StringContent(", p.Name, "), ", wire, ");");
                    break;
                case MultipartPartKind.Texts:
                    w.Open("foreach (var item in " + p.Name + ")");
                    w.Line("multipart.Add(new global::System.Net.Http.StringContent(item), ", wire, ");");
                    w.Close();
                    break;
                default:
                    var type = part.Type with { IsNullable = false };
                    // A cast, not a pattern variable: unguarded parts share the builder's scope.
                    w.Line("multipart.Add(settings.ContentSerializer is global::Refit.IJsonTypeInfoContentSerializer ? ((global::Refit.IJsonTypeInfoContentSerializer)settings.ContentSerializer).ToHttpContent("
                        + value + ", " + shared.TypeInfo(type) + ") : " + Runner + "SerializeMultipartPart(settings, " + value + ", " + wire + "), " + wire + ");");
                    break;
            }

            if (guarded)
            {
                w.Close();
            }
        }

        w.Line("request.Content = multipart;");
    }

    private static RefitParameter Create(PropertyModel property, RequestBodyModel body, ApiModelIndex index, HashSet<string> taken)
    {
        var kind = KindOf(property.Type, index);
        var optional = !(body.IsRequired && property.IsRequired);
        var nullable = optional || property.Type.IsNullable;
        var type = kind switch
        {
            MultipartPartKind.File => "global::Refit.MultipartItem",
            MultipartPartKind.Files => "global::System.Collections.Generic.IEnumerable<global::Refit.MultipartItem>",
            MultipartPartKind.Text => "string",
            MultipartPartKind.Texts => "global::System.Collections.Generic.IEnumerable<string>",
            _ => CSharpTypes.Of(property.Type with { IsNullable = false }),
        } + (nullable ? "?" : string.Empty);
        var name = CSharpNames.MakeUnique(CSharpNames.Camel(property.JsonName, "part"), taken);
        var contentType = body.Encodings.FirstOrDefault(e => e.PartName == property.JsonName)?.ContentType;
        var part = new MultipartPart(property, kind, property.Type, contentType, property.Description);
        return new RefitParameter(name, type, optional, RefitBindingKind.MultipartPart, "[global::Refit.AliasAs(" + Literals.String(property.JsonName) + ")]", null, null) { Part = part };
    }

    private static MultipartPartKind KindOf(TypeRef type, ApiModelIndex index) => type.Kind switch
    {
        TypeKind.Bytes => MultipartPartKind.File,
        TypeKind.Array when type.Item is { Kind: TypeKind.Bytes } => MultipartPartKind.Files,
        TypeKind.Array when type.Item is { } item && KindOf(item, index) is MultipartPartKind.Text or MultipartPartKind.Scalar => MultipartPartKind.Texts,
        // Strings of any format stay text: a JSON part would quote them.
        TypeKind.String or TypeKind.Uri or TypeKind.Date or TypeKind.DateTime or TypeKind.Guid => MultipartPartKind.Text,
        TypeKind.Named when index.Find(type.Name)?.Kind == TypeModelKind.Enum => MultipartPartKind.Text,
        TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double or TypeKind.Decimal => MultipartPartKind.Scalar,
        _ => MultipartPartKind.Json,
    };

    /// <summary>True when the part's C# type is a reference type (strings, collections, classes).</summary>
    private static bool IsReference(MultipartPart part) => part.Kind switch
    {
        MultipartPartKind.Scalar => false,
        MultipartPartKind.Json => part.Type.Kind is TypeKind.Array or TypeKind.Map or TypeKind.Named,
        _ => true,
    };
}
