namespace CmuContracts.Reports;

/// <summary>The CMU dimension names, as path segments and filter keys (a test checks them against the spec's paths).</summary>
public static class UsageDimensions
{
    /// <summary><c>tenant</c>.</summary>
    public const string Tenant = "tenant";

    /// <summary><c>application</c> (the application's name).</summary>
    public const string Application = "application";

    /// <summary><c>application-id</c>.</summary>
    public const string ApplicationId = "application-id";

    /// <summary><c>channel</c> (from session metadata; <c>Unknown</c> when not sent).</summary>
    public const string Channel = "channel";

    /// <summary><c>mvpd</c>.</summary>
    public const string Mvpd = "mvpd";

    /// <summary><c>platform</c>.</summary>
    public const string Platform = "platform";

    /// <summary><c>year</c> (time; not filterable: use the time range).</summary>
    public const string Year = "year";

    /// <summary><c>month</c> (time).</summary>
    public const string Month = "month";

    /// <summary><c>day</c> (time).</summary>
    public const string Day = "day";

    /// <summary><c>hour</c> (time).</summary>
    public const string Hour = "hour";

    /// <summary><c>minute</c> (time; minute reports are enabled by Adobe on request).</summary>
    public const string Minute = "minute";

    /// <summary><c>concurrency-level</c> (histogram).</summary>
    public const string ConcurrencyLevel = "concurrency-level";

    /// <summary><c>activity-level</c> (histogram).</summary>
    public const string ActivityLevel = "activity-level";

    /// <summary>True for <c>year</c>, <c>month</c>, <c>day</c>, <c>hour</c> and <c>minute</c>, which filters do not apply to.</summary>
    public static bool IsTime(string dimension) => dimension is Year or Month or Day or Hour or Minute;
}
