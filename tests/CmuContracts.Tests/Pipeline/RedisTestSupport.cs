using System.Globalization;
using CmuContracts.AdobePass;
using CmuContracts.Auth;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;

namespace CmuContracts.Tests.Pipeline;

/// <summary>What the Redis tests share: a quiet emulator, patient clients, Redis key names, a cheap report call.</summary>
internal static class RedisTestSupport
{
    public static EmulatorOptions Quiet() => new() { Throttle = { Enabled = false } };

    // Waiting for the lock counts against a call's attempt timeout; a shared test machine can be slow.
    public static void Patient(CmuClientOptions options) => options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(90);

    /// <summary>The single-string credential key the client uses for this statement at this emulator.</summary>
    public static string KeyOf(string statement, AdobePassEmulator emulator) =>
        CredentialKey.For(SoftwareStatement.Parse(statement).SoftwareId, emulator.RegistrationBaseAddress).ToString();

    public static string LockKey(string statement, AdobePassEmulator emulator) => "CmuContracts:lock:" + KeyOf(statement, emulator);

    public static string TokenKey(string statement, AdobePassEmulator emulator) => "CmuContracts:token:" + KeyOf(statement, emulator);

    /// <summary>One day of the tenant report: little work for the emulator, the subject being the token.</summary>
    public static Task<UsageReport> OneDayReportAsync(CmuTestHost host) =>
        host.Reports.GetTenantYearMonthDayAsync(start: DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public const string OneDayPath = "GET /cmu/v2/tenant/year/month/day";
}
