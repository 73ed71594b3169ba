using CmuContracts.AdobePass;
using CmuContracts.Reports;

namespace CmuContracts.Cli.Reports;

/// <summary>
/// Chooses the CMU path for <c>--granularity</c> and <c>--dimension</c>s: the time dimensions down to the
/// granularity after the given dimensions, before them, or after the first one, whichever the spec's tree has.
/// </summary>
internal static class ReportPathResolver
{
    // The spec's time dimensions, coarsest first.
    private static readonly string[] Time = [.. ReportDimension.Time.Select(d => d.Value)];

    /// <exception cref="CliUsageException">No arrangement is a CMU path; the message lists the valid next dimensions.</exception>
    public static UsageReportQuery Resolve(string? granularity, IReadOnlyList<string> dimensions)
    {
        var time = granularity is null ? [] : Time[..(Array.IndexOf(Time, granularity) + 1)];
        if (dimensions.FirstOrDefault(d => new ReportDimension(d).IsTime) is { } misplaced)
        {
            throw new CliUsageException($"--dimension {misplaced} is a time dimension: use --granularity {misplaced} instead.");
        }

        if (dimensions.GroupBy(d => d, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new CliUsageException($"--dimension {duplicate.Key} is given twice.");
        }

        UsageReportPathException? first = null;
        foreach (var candidate in Candidates(time, dimensions))
        {
            try
            {
                return UsageReportQuery.For([.. candidate]);
            }
            catch (UsageReportPathException ex)
            {
                first ??= ex;
            }
        }

        throw new CliUsageException($"No CMU report groups by {string.Join(", ", dimensions.Concat(time))} in that order: {first!.Message}");
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
}
