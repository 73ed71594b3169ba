namespace CmuContracts.Cli.Reports;

/// <summary>What a CMU metric counts, for axis labels (<c>active-users</c> counts distinct users, not sessions).</summary>
internal static class MetricUnits
{
    public static string Of(string metric) => metric switch
    {
        "active-users" => "distinct users",
        "users" => "users",
        "active-sessions" => "active sessions",
        "failed-attempts" => "attempts",
        "started-sessions" or "completed-sessions" or "dismissed-sessions" or "killed-sessions" => "sessions",
        _ when metric.StartsWith("duration_", StringComparison.Ordinal) => "sessions",
        _ => "count",
    };
}
