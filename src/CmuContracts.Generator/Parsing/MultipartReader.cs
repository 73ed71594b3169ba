using System.Collections.Generic;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Generator.Parsing;

/// <summary>
/// A <c>multipart/form-data</c> request body: its schema must be an object, whose properties become the parts
/// (binary strings are files); <c>encoding</c> gives parts their content types. Other multipart types
/// (mixed, related) have no Refit form and stay skipped.
/// </summary>
internal static class MultipartReader
{
    public static bool IsFormData(string mediaType) => MediaTypes.Essence(mediaType) == "multipart/form-data";

    public static RequestBodyModel Read(SpecScalarNode key, SpecNode mediaType, TypeRef type, SchemaReader schemas, bool required, string? description)
    {
        if (!schemas.IsObject(type))
        {
            throw SpecProblemException.Unsupported(key, "A multipart/form-data body whose schema is not an object with properties");
        }

        var encodings = new List<PartEncodingModel>();
        if (mediaType is SpecMappingNode map && NodeReader.Mapping(map, "encoding") is { } encoding)
        {
            foreach (var entry in NodeReader.Entries(encoding))
            {
                if (entry.Value is SpecMappingNode part && NodeReader.String(part, "contentType") is { Length: > 0 } contentType)
                {
                    encodings.Add(new PartEncodingModel(entry.Key.Value!, contentType));
                }
            }
        }

        return new RequestBodyModel(MediaKind.Multipart, key.Value!, type, required, description, encodings.ToEquatableArray());
    }
}
