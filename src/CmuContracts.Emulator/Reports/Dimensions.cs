namespace CmuContracts.Emulator.Reports;

/// <summary>
/// What CMU's dimension names mean, which the spec's <c>ReportDimension</c> enum cannot say: the time dimensions (finest
/// last) and the histogram dimensions. Every other declared dimension groups series (see <see cref="Data.SeriesCatalog"/>).
/// </summary>
internal static class Dimensions
{
    public const string Year = "year";
    public const string Month = "month";
    public const string Day = "day";
    public const string Hour = "hour";
    public const string Minute = "minute";

    /// <summary>Time dimensions from coarsest to finest.</summary>
    public static readonly IReadOnlyList<string> Time = [Year, Month, Day, Hour, Minute];

    /// <summary>Histogram dimensions: the level of a user's concurrency or activity (values 1 … <see cref="LevelCount"/>).</summary>
    public static readonly IReadOnlyList<string> Level = ["concurrency-level", "activity-level"];

    public const int LevelCount = 5;

    public static bool IsLevel(string name) => Level.Contains(name, StringComparer.Ordinal);

    /// <summary>Whether the values of the dimension are numbers written without leading zeros.</summary>
    public static bool IsNumeric(string name) => IsTime(name) || IsLevel(name);

    public static bool IsTime(string name) => Time.Contains(name, StringComparer.Ordinal);

    /// <summary>Whether the dimension groups series (neither time nor histogram level).</summary>
    public static bool IsEntity(string name) => !IsTime(name) && !IsLevel(name);

    /// <summary>Granularity rank of a time dimension (0 = year … 4 = minute), or -1.</summary>
    public static int TimeRank(string name)
    {
        for (var i = 0; i < Time.Count; i++)
        {
            if (string.Equals(Time[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
