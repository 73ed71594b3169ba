using System.Globalization;
using System.Text.Json;
using CmuContracts.AdobePass;
using CmuContracts.Auth;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using StackExchange.Redis;

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

    public static string CredentialsKey(string statement, AdobePassEmulator emulator) => "CmuContracts:credentials:" + KeyOf(statement, emulator);

    /// <summary>The client id of the credentials the fleet shares in Redis (RedisCache keeps an entry in a hash's "data" field), or null.</summary>
    public static async Task<string?> SharedClientIdAsync(IConnectionMultiplexer connection, string statement, AdobePassEmulator emulator)
    {
        var data = await connection.GetDatabase().HashGetAsync(CredentialsKey(statement, emulator), "data");
        if (!data.HasValue)
        {
            return null;
        }

        using var json = JsonDocument.Parse((byte[])data!);
        return json.RootElement.GetProperty("client_id").GetString();
    }

    /// <summary>
    /// Polls <paramref name="condition"/> until it holds, failing with <paramref name="failure"/> after a minute. A client
    /// reconnects to a restarted Redis on its own schedule (StackExchange.Redis backs off between attempts).
    /// </summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(started.Elapsed < TimeSpan.FromMinutes(1), failure);
            await Task.Delay(50);
        }
    }

    /// <summary>One day of the tenant report: little work for the emulator, the subject being the token.</summary>
    public static Task<UsageReport> OneDayReportAsync(CmuTestHost host) =>
        host.Reports.GetTenantYearMonthDayAsync(start: DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public const string OneDayPath = "GET /cmu/v2/tenant/year/month/day";
}
