using CmuContracts.AdobePass;

namespace CmuContracts.Tests.Pipeline;

/// <summary>A report's records as one comparable string, to prove a retried call returned the right data.</summary>
internal static class ReportDigest
{
    public static string Of(UsageReport report) => string.Join(
        '|',
        report.Report.Select(r => $"{r.Tenant}/{r.Year}/{r.Month}/{r.Day}:{r.ActiveUsers}:{r.StartedSessions}:{r.CompletedSessions}"));
}
