using System.Globalization;

namespace CmuContracts.Reports;

/// <summary>
/// The path, window and limit a CMU answer says it applied: its <c>self</c> href holds the path and the complete
/// query string, defaults included (<c>…/tenant/year?start=2023-11-01T00:00:00&amp;end=…&amp;limit=1000</c>) [D].
/// Each part is null when the link lacks it or it does not read.
/// </summary>
internal sealed record UsageReportApplied(string? Path, DateTimeOffset? Start, DateTimeOffset? End, int? Limit)
{
    public static UsageReportApplied None { get; } = new(null, null, null, null);

    public static UsageReportApplied FromSelfLink(string? href, string basePath)
    {
        if (string.IsNullOrEmpty(href))
        {
            return None;
        }

        var path = UsageReportPaths.Format(UsageReportPaths.FromHref(href, basePath));
        string? start = null, end = null, limit = null;
        var question = href.IndexOf('?', StringComparison.Ordinal);
        var query = question < 0 ? "" : href[(question + 1)..];
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                continue;
            }

            var value = Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            switch (Uri.UnescapeDataString(pair[..eq]))
            {
                case "start":
                    start ??= value;
                    break;
                case "end":
                    end ??= value;
                    break;
                case "limit":
                    limit ??= value;
                    break;
            }
        }

        return new(
            path,
            UsageReportTime.TryParse(start, out var s) ? s : null,
            UsageReportTime.TryParse(end, out var e) ? e : null,
            int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : null);
    }
}
