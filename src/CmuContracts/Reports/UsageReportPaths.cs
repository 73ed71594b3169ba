namespace CmuContracts.Reports;

/// <summary>Dimension lists as spec paths (<c>/tenant/year</c>; <c>/</c> for the root) and back from link hrefs.</summary>
internal static class UsageReportPaths
{
    public static string Format(IEnumerable<string> dimensions)
    {
        var path = string.Join('/', dimensions);
        return "/" + path;
    }

    /// <summary>
    /// The dimensions of a link href (<c>/cmu/v2/tenant/year</c>, or an absolute URL), relative to
    /// the CMU base path (<c>/cmu/v2</c>). Links carry paths only; any query or extension is dropped.
    /// </summary>
    public static string[] FromHref(string href, string basePath)
    {
        var path = Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.AbsolutePath
            : href.Split('?', 2)[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var prefix = basePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length >= prefix.Length && segments.AsSpan(0, prefix.Length).SequenceEqual(prefix))
        {
            segments = segments[prefix.Length..];
        }

        // A path extension (".csv") picks a format, it is no dimension.
        if (segments.Length > 0 && segments[^1].LastIndexOf('.') is var dot and > 0)
        {
            segments[^1] = segments[^1][..dot];
        }

        return segments;
    }
}
