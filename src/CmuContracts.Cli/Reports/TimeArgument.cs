using System.Globalization;
using System.Text.RegularExpressions;

namespace CmuContracts.Cli.Reports;

/// <summary>
/// Checks <c>--start</c>/<c>--end</c> before sending: an ISO-8601 time or a prefix of one (<c>2026</c>,
/// <c>2026-11</c>, <c>2026-11-05T13</c>), as CMU accepts, or <c>today</c>/<c>yesterday</c>.
/// </summary>
internal static partial class TimeArgument
{
    public static string? Normalize(string? value, string flag, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var today = clock.GetUtcNow().UtcDateTime.Date;
        switch (value.Trim().ToLowerInvariant())
        {
            case "today":
                return today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case "yesterday":
                return today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var text = value.Trim();
        if (!IsoPrefix().IsMatch(text))
        {
            throw new CliUsageException($"{flag} '{value}' is not an ISO-8601 time or prefix (e.g. 2026, 2026-11, 2026-11-05, 2026-11-05T13:00, today).");
        }

        // A complete date must exist (2026-02-30 is refused here rather than by the server).
        if (text.Length >= 10 && !DateTime.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new CliUsageException($"{flag} '{value}' is not a valid date.");
        }

        return text;
    }

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2])(-\d{2}(T([01]\d|2[0-3])(:[0-5]\d(:[0-5]\d)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPrefix();
}
