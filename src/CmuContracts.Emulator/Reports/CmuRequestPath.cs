namespace CmuContracts.Emulator.Reports;

/// <summary>A request path under <c>/cmu/v2</c> read as a report path of the tree plus an optional format extension.</summary>
internal static class CmuRequestPath
{
    /// <summary>Splits <c>/cmu/v2/tenant/year.csv</c> into <c>/tenant/year</c> and <c>csv</c>; the root is <c>/</c>.</summary>
    public static (string Path, string? Extension) Split(string requestPath)
    {
        var path = requestPath.StartsWith(ReportLinks.Base, StringComparison.OrdinalIgnoreCase) ? requestPath[ReportLinks.Base.Length..] : requestPath;
        var slash = path.LastIndexOf('/');
        var dot = path.LastIndexOf('.');
        if (dot > slash)
        {
            var extension = path[(dot + 1)..];
            if (FormatNegotiation.Extensions.Contains(extension, StringComparer.Ordinal))
            {
                return (path[..dot], extension);
            }
        }

        return (path.Length == 0 ? "/" : path, null);
    }

    /// <summary>The tree path (with its extension) a request addresses, or null when it is not in the tree.</summary>
    public static string? Template(ReportTree tree, string requestPath)
    {
        var (path, extension) = Split(requestPath);
        if (tree.Find(path) is not { } node)
        {
            return null;
        }

        var template = ReportLinks.PathHref(node.Path);
        return extension is null ? template : template + "." + extension;
    }
}
