using System.Globalization;

namespace CmuContracts.Emulator.Reports;

/// <summary>CMU time parameters: ISO-8601 prefixes (<c>2024</c> → <c>2024-01-01T00:00:00</c>) or epoch milliseconds.</summary>
internal static class IsoTime
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss";

    private static readonly string[] Prefixes =
    [
        "yyyy", "yyyy-MM", "yyyy-MM-dd", "yyyy-MM-dd'T'HH", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    /// <summary>Parses a prefix (UTC unless an offset or <c>Z</c> is given) or, for 10+ digits, epoch milliseconds.</summary>
    public static bool TryParse(string text, out DateTime utc)
    {
        utc = default;
        if (text.Length >= 10 && text.All(char.IsAsciiDigit))
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms > 253402300799999)
            {
                return false;
            }

            utc = DateTime.UnixEpoch.AddMilliseconds(ms);
            return true;
        }

        if (DateTime.TryParseExact(text, Prefixes, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc))
        {
            return true;
        }

        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var offset))
        {
            utc = offset.UtcDateTime;
            return true;
        }

        return false;
    }

    public static string Print(DateTime utc) => utc.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Start of the bucket of the given time granularity (0 = year … 4 = minute) containing <paramref name="t"/>.</summary>
    public static DateTime Floor(DateTime t, int rank) => rank switch
    {
        0 => new DateTime(t.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        1 => new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc),
        2 => new DateTime(t.Year, t.Month, t.Day, 0, 0, 0, DateTimeKind.Utc),
        3 => new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc),
        _ => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, DateTimeKind.Utc),
    };

    /// <summary>Start of the next bucket.</summary>
    public static DateTime Next(DateTime bucketStart, int rank) => rank switch
    {
        0 => bucketStart.AddYears(1),
        1 => bucketStart.AddMonths(1),
        2 => bucketStart.AddDays(1),
        3 => bucketStart.AddHours(1),
        _ => bucketStart.AddMinutes(1),
    };
}
