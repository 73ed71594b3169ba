namespace CmuContracts.Cli.Output;

/// <summary>Short human durations: <c>5h 59m</c>, <c>42s</c>.</summary>
internal static class Durations
{
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            return "-" + Format(span.Negate());
        }

        if (span.TotalDays >= 1)
        {
            return $"{(int)span.TotalDays}d {span.Hours}h";
        }

        if (span.TotalHours >= 1)
        {
            return $"{(int)span.TotalHours}h {span.Minutes}m";
        }

        return span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m {span.Seconds}s" : $"{Math.Max(0, (int)span.TotalSeconds)}s";
    }
}
