namespace CmuContracts.Cli.Reports;

/// <summary>
/// Chooses the CMU path for <c>--granularity</c> and <c>--dimension</c>s: the time dimensions down to the
/// granularity, placed after the given dimensions, before them, or after the first one, whichever the tree has.
/// </summary>
internal static class ReportPathResolver
{
    private static readonly string[] Time = ["year", "month", "day", "hour", "minute"];

    public static string Resolve(IReadOnlyCollection<string> paths, string? granularity, IReadOnlyList<string> dimensions)
    {
        var time = granularity is null ? [] : Time[..(Array.IndexOf(Time, granularity) + 1)];
        var misplaced = dimensions.FirstOrDefault(d => Array.IndexOf(Time, d) >= 0);
        if (misplaced is not null)
        {
            throw new CliUsageException($"--dimension {misplaced} is a time dimension: use --granularity {misplaced} instead.");
        }

        var duplicate = dimensions.GroupBy(d => d, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CliUsageException($"--dimension {duplicate.Key} is given twice.");
        }

        var known = new HashSet<string>(paths, StringComparer.Ordinal);
        foreach (var candidate in Candidates(time, dimensions))
        {
            var path = "/" + string.Join('/', candidate);
            if (known.Contains(path))
            {
                return path;
            }
        }

        var asked = string.Join(", ", dimensions.Concat(time));
        var valid = paths.Where(p => p != "/").Select(p => p.Split('/', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => dimensions.All(p.Contains) && p.Count(Time.Contains) == time.Length)
            .Select(p => "/" + string.Join('/', p)).Order(StringComparer.Ordinal).Take(8).ToList();
        throw new CliUsageException(
            $"No CMU report groups by {asked}." + (valid.Count > 0
                ? $" Reports with these dimensions and granularity: {string.Join(", ", valid)}."
                : $" Valid first dimensions: {string.Join(", ", FirstSegments(paths))}; see 'cmu report --help'."));
    }

    private static IEnumerable<IEnumerable<string>> Candidates(string[] time, IReadOnlyList<string> dimensions)
    {
        yield return dimensions.Concat(time);
        yield return time.Concat(dimensions);
        if (dimensions.Count > 1)
        {
            yield return dimensions.Take(1).Concat(time).Concat(dimensions.Skip(1));
        }
    }

    private static IEnumerable<string> FirstSegments(IReadOnlyCollection<string> paths) =>
        paths.Select(p => p.Split('/', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length > 0).Select(p => p[0]).Distinct().Order(StringComparer.Ordinal);
}
