namespace CmuContracts.AdobePass;

/// <summary>
/// A CMU dimension name: the spec's <c>ReportDimension</c> (a path segment, a record property and a filter key),
/// extended with what the library knows about time.
/// </summary>
public readonly partial record struct ReportDimension
{
    // Built on first use: the order in which the static initializers of a partial type's files run is undefined, so
    // an initializer here could see the generated values (Year, ...) still unset.
    private static ReportDimension[]? s_time;

    /// <summary>The time dimensions from coarsest to finest: <c>year</c>, <c>month</c>, <c>day</c>, <c>hour</c>, <c>minute</c>.</summary>
    public static IReadOnlyList<ReportDimension> Time => s_time ??= [Year, Month, Day, Hour, Minute];

    /// <summary>True for the time dimensions (<see cref="Time"/>), which filters do not apply to: use the time range.</summary>
    public bool IsTime => Time.Contains(this);

    /// <summary>True for the histogram dimensions (<c>concurrency-level</c>, <c>activity-level</c>), whose values are levels 1, 2, ….</summary>
    public bool IsLevel => this == ConcurrencyLevel || this == ActivityLevel;
}
