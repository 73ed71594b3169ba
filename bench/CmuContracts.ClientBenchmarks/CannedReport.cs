using CmuContracts.AdobePass;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using Refit;

namespace CmuContracts.ClientBenchmarks;

/// <summary>
/// A real CMU report body, taken once per process from the emulator: one month by day at
/// <c>/tenant/year/month/day</c> (HAL JSON, every record value a JSON string as Adobe writes them), and a software
/// statement the emulator issued. Every benchmark serves these bytes from memory, so no call touches a socket.
/// </summary>
internal sealed class CannedReport
{
    public const string Start = "2026-09-01";
    public const string End = "2026-10-01";
    public const string ContentType = "application/json;charset=utf-8";

    private static readonly Lazy<CannedReport> Instance = new(() => CaptureAsync().GetAwaiter().GetResult());

    private CannedReport(byte[] body, int rows, string softwareStatement)
    {
        Body = body;
        Rows = rows;
        SoftwareStatement = softwareStatement;
    }

    public static CannedReport Default => Instance.Value;

    /// <summary>The response body, as the emulator sent it.</summary>
    public byte[] Body { get; }

    /// <summary>Its number of report records, to check each client read it all.</summary>
    public int Rows { get; }

    /// <summary>A statement the access pipeline accepts; only the in-memory handler ever sees what it is traded for.</summary>
    public string SoftwareStatement { get; }

    private static async Task<CannedReport> CaptureAsync()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions
        {
            Now = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            Throttle = new ThrottleOptions { Enabled = false },
        });
        var statement = emulator.IssueSoftwareStatement();
        using var dcr = new HttpClient { BaseAddress = emulator.RegistrationBaseAddress };
        var registration = await RestService.For<IRegistrationClient>(dcr).RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = statement });
        var token = await RestService.For<ITokenClient>(dcr).CreateAccessTokenAsync(new AccessTokenRequest
        {
            GrantType = GrantType.ClientCredentials,
            ClientId = registration.ClientId,
            ClientSecret = registration.ClientSecret,
        });

        using var cmu = new HttpClient { BaseAddress = emulator.CmuBaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"tenant/year/month/day?start={Start}&end={End}");
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Authorization = new("Bearer", token.AccessToken);
        using var response = await cmu.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        var rows = System.Text.Json.JsonSerializer.Deserialize(body, AdobePassJsonContext.Default.UsageReport)!.Report.Count;
        Console.WriteLine($"// Canned report: {body.Length} bytes, {rows} records.");
        return new CannedReport(body, rows, statement);
    }
}
