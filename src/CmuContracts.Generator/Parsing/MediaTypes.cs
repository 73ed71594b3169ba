using System;

namespace CmuContracts.Generator.Parsing;

/// <summary>Media type families, compared without parameters and ignoring case.</summary>
internal static class MediaTypes
{
    public static string Essence(string mediaType)
    {
        var semicolon = mediaType.IndexOf(';');
        return (semicolon >= 0 ? mediaType.Substring(0, semicolon) : mediaType).Trim().ToLowerInvariant();
    }

    /// <summary>application/json or any +json type (application/problem+json, application/vnd.example+json).</summary>
    public static bool IsJson(string mediaType)
    {
        var essence = Essence(mediaType);
        return essence == "application/json" || essence.EndsWith("+json", StringComparison.Ordinal);
    }

    public static bool IsText(string mediaType) => Essence(mediaType).StartsWith("text/", StringComparison.Ordinal);

    public static bool IsForm(string mediaType) => Essence(mediaType) == "application/x-www-form-urlencoded";

    public static bool IsMultipart(string mediaType) => Essence(mediaType).StartsWith("multipart/", StringComparison.Ordinal);

    public static bool IsOctetStream(string mediaType) => Essence(mediaType) == "application/octet-stream";
}
