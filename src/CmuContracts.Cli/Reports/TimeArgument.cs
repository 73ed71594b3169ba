using System.Globalization;
using System.Text.RegularExpressions;

namespace CmuContracts.Cli.Reports;

/// <summary>
/// Reads <c>--start</c>/<c>--end</c>: an ISO-8601 time or a prefix of one as CMU accepts (<c>2026</c>,
/// <c>2026-11</c>, <c>2026-11-05T13</c>; UTC unless an offset is given), <c>today</c>, <c>yesterday</c>, <c>now</c>, or
/// <c>14d</c> (midnight UTC 14 days ago), so commands in docs and scripts do not age out of the retention window.
/// </summary>
internal static partial class TimeArgument
{
    public static DateTimeOffset? Parse(string? value, string flag, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        var today = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        switch (text.ToLowerInvariant())
        {
            case "today":
                return today;
            case "yesterday":
                return today.AddDays(-1);
            case "now":
                return clock.GetUtcNow();
        }

        var relative = DaysAgo().Match(text);
        if (relative.Success && int.TryParse(relative.Groups["days"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= 3660)
        {
            return today.AddDays(-days);
        }

        var match = IsoPrefix().Match(text);
        if (!match.Success)
        {
            throw new CliUsageException($"{flag} '{value}' is not an ISO-8601 time or prefix (e.g. 2026, 2026-11, 2026-11-05, 2026-11-05T13:00, today, 14d for 14 days ago).");
        }

        int Part(string name, int otherwise) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : otherwise;
        var offset = match.Groups["offset"].Success && match.Groups["offset"].Value != "Z"
            ? TimeSpan.Parse(match.Groups["offset"].Value.TrimStart('+'), CultureInfo.InvariantCulture) * (match.Groups["offset"].Value[0] == '-' ? -1 : 1)
            : TimeSpan.Zero;
        try
        {
            return new DateTimeOffset(Part("year", 1), Part("month", 1), Part("day", 1), Part("hour", 0), Part("minute", 0), Part("second", 0), offset).ToUniversalTime();
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new CliUsageException($"{flag} '{value}' is not a valid date or time.");
        }
    }

    [GeneratedRegex(@"^(?<days>\d{1,4})d$", RegexOptions.CultureInvariant)]
    private static partial Regex DaysAgo();

    [GeneratedRegex(@"^(?<year>\d{4})(-(?<month>\d{2})(-(?<day>\d{2})(T(?<hour>\d{2})(:(?<minute>\d{2})(:(?<second>\d{2}))?)?(?<offset>Z|[+-]\d{2}:\d{2})?)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPrefix();
}
