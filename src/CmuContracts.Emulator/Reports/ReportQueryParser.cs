using System.Globalization;

namespace CmuContracts.Emulator.Reports;

/// <summary>Parses a CMU query string (<c>start</c>, <c>end</c>, <c>limit</c>, <c>metrics</c>, <c>format</c>, dimension filters).</summary>
internal static class ReportQueryParser
{
    public const int DefaultLimit = 1000;
    private static readonly string[] Formats = ["json", "xml", "csv", "html"];

    /// <summary>Returns the query, or null with a plain-text reason.</summary>
    public static ReportQuery? Parse(string? rawQuery, ReportNode node, DateTime now, DateTime retentionStart, out string? error)
    {
        error = null;
        string? start = null, end = null, limit = null, format = null;
        var metrics = new List<string>();
        var filters = new List<DimensionFilter>();
        var forced = new List<string>();
        foreach (var (key, value) in Split(rawQuery))
        {
            switch (key)
            {
                case "access_token":
                    continue;
                case "start":
                case "end":
                case "limit":
                case "format":
                    if ((key == "start" ? start : key == "end" ? end : key == "limit" ? limit : format) is not null)
                    {
                        error = $"Parameter '{key}' is repeated.";
                        return null;
                    }

                    if (string.IsNullOrEmpty(value))
                    {
                        error = $"Parameter '{key}' needs a value.";
                        return null;
                    }

                    _ = key switch { "start" => start = value, "end" => end = value, "limit" => limit = value, _ => format = value };
                    continue;
                case "metrics":
                    foreach (var name in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (!node.Metrics.Contains(name, StringComparer.Ordinal))
                        {
                            error = $"Unknown metric '{name}' for this path: use {string.Join(", ", node.Metrics)}.";
                            return null;
                        }

                        if (!metrics.Contains(name, StringComparer.Ordinal))
                        {
                            metrics.Add(name);
                        }
                    }

                    continue;
            }

            var negated = key.EndsWith('!');
            var dimension = negated ? key[..^1] : key;
            if (Dimensions.IsTime(dimension))
            {
                error = $"Filters do not apply to time dimension '{dimension}'.";
                return null;
            }

            if (!node.Vocabulary.IsDimension(dimension))
            {
                error = $"Unknown parameter or dimension '{key}'.";
                return null;
            }

            if (!node.SubtreeDimensions.Contains(dimension)
                || (Dimensions.IsLevel(dimension) && !node.Segments.Contains(dimension, StringComparer.Ordinal)))
            {
                error = $"Dimension '{dimension}' does not exist in '{node.Path}' or below it.";
                return null;
            }

            if (string.IsNullOrEmpty(value))
            {
                if (negated)
                {
                    error = $"Filter '{key}' needs a value.";
                    return null;
                }

                forced.Add(dimension);
            }
            else
            {
                filters.Add(new DimensionFilter(dimension, value, negated));
            }
        }

        if (format is not null && !Formats.Contains(format, StringComparer.Ordinal))
        {
            error = $"Unknown format '{format}': use json, xml, csv or html.";
            return null;
        }

        var granularity = node.Segments.Select(Dimensions.TimeRank).DefaultIfEmpty(-1).Max();
        var startTime = DefaultStart(granularity, now, retentionStart);
        if (start is not null && !IsoTime.TryParse(start, out startTime))
        {
            error = $"Cannot read start '{start}': use an ISO-8601 date-time or a prefix of one.";
            return null;
        }

        var endTime = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        if (end is not null && !IsoTime.TryParse(end, out endTime))
        {
            error = $"Cannot read end '{end}': use an ISO-8601 date-time or a prefix of one.";
            return null;
        }

        if (granularity < 0)
        {
            // Paths without a time dimension ignore start and end [D]: they cover the whole retention window.
            startTime = retentionStart;
            endTime = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        }

        if (startTime >= endTime)
        {
            error = "start must be before end.";
            return null;
        }

        var rows = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out rows) || rows < 1))
        {
            error = $"limit must be a positive integer, not '{limit}'.";
            return null;
        }

        if (metrics.Count == 0)
        {
            metrics.AddRange(node.Metrics);
        }

        return new ReportQuery(node, startTime, endTime, rows, metrics, filters, forced, format);
    }

    /// <summary>Default start per granularity (see docs/emulator.md).</summary>
    public static DateTime DefaultStart(int granularity, DateTime now, DateTime retentionStart) => granularity switch
    {
        -1 or 0 => retentionStart,
        1 => IsoTime.Floor(now, 0),
        2 => IsoTime.Floor(now, 1),
        3 => IsoTime.Floor(now, 2),
        _ => IsoTime.Floor(now, 3),
    };

    /// <summary>Splits a raw query string into decoded pairs, keeping order; a key without <c>=</c> has a null value.</summary>
    public static IEnumerable<(string Key, string? Value)> Split(string? rawQuery)
    {
        var query = (rawQuery ?? "").TrimStart('?');
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? null : Decode(pair[(eq + 1)..]);
            yield return (key, value);
        }
    }

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
