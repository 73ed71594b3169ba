using CmuContracts.Emulator.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CmuContracts.Emulator.Stats;

/// <summary>
/// The key a request is counted under: a known method (else <c>OTHER</c>) and the route template it matched, a CMU
/// report path of the tree, or <see cref="Unknown"/>. The set of keys is therefore fixed, whatever clients send.
/// </summary>
internal static class RequestTemplate
{
    /// <summary>The one key every path that matches no route (or no CMU report path) shares.</summary>
    public const string Unknown = "(unknown path)";

    private static readonly string[] KnownMethods =
    [
        HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch,
        HttpMethods.Head, HttpMethods.Options, HttpMethods.Trace, HttpMethods.Connect,
    ];

    public static string Of(HttpContext context, ReportTree tree)
    {
        var method = KnownMethods.FirstOrDefault(m => string.Equals(m, context.Request.Method, StringComparison.OrdinalIgnoreCase)) ?? "OTHER";
        var path = context.Request.Path.Value ?? "";
        string? template = null;
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } raw })
        {
            // The CMU catch-all stands for the 114 report paths of the spec: count each of those on its own.
            template = raw.Contains('{', StringComparison.Ordinal)
                ? raw.StartsWith(ReportLinks.Base, StringComparison.Ordinal) ? CmuRequestPath.Template(tree, path) : null
                : raw;
        }

        return method + " " + (template ?? Unknown);
    }
}
