namespace CmuContracts.Auth;

/// <summary>
/// Reads the epoch times of a registration answer. Adobe's <c>client_id_issued_at</c> is in seconds in its
/// documentation sample (<c>1723227212</c>) and in milliseconds in a real answer (<c>1700725699585</c>), so
/// the unit is told by magnitude: below <see cref="MillisecondsThreshold"/> (10^11) a value is seconds. 10^11
/// seconds is the year 5138 and 10^11 milliseconds is 1973-03-03, so no real time of either unit is misread.
/// </summary>
internal static class RegistrationTime
{
    /// <summary>10^11: values at or above it are milliseconds, below it seconds.</summary>
    public const long MillisecondsThreshold = 100_000_000_000;

    /// <summary>The instant <paramref name="epoch"/> names, in seconds or milliseconds by magnitude; null when not positive.</summary>
    public static DateTimeOffset? FromEpoch(long epoch) => epoch switch
    {
        <= 0 => null,
        < MillisecondsThreshold => DateTimeOffset.FromUnixTimeSeconds(epoch),
        _ when epoch <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() => DateTimeOffset.FromUnixTimeMilliseconds(epoch),
        _ => null,
    };
}
