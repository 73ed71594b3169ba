using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Tests.Infrastructure;
using CmuContracts.Tests.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// Adobe strongly recommends <c>Accept-Encoding: gzip, deflate</c>: every client AddCmuClient builds asks for both and
/// decodes them, and the emulator compresses when asked. The emulator's log names the Content-Encoding it sent.
/// </summary>
public sealed class ResponseCompressionTests : IDisposable
{
    private const string EncodingCategory = "CmuContracts.Emulator.Hosting.EmulatorResponseCompression";
    private readonly SecretScan _emulatorScan = new();

    public void Dispose() => _emulatorScan.Dispose();

    [Fact]
    public async Task EveryClientTheLibraryBuildsAsksForGzipAndDeflateOnTheWire()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        await using var server = await RecordingServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json(201, """{"client_id":"c-1","client_secret":"s-1"}"""));
        server.Enqueue(ScriptedResponse.Json(201, """{"access_token":"t-1","expires_in":21600,"token_type":"bearer"}"""));
        server.Enqueue(ScriptedResponse.Json(200, """{"_links":{"self":{"href":"/cmu/v2/tenant"}},"report":[{"tenant":"Acme","active-users":"5"}]}"""));
        await using var host = CmuTestHost.Create(emulator, o =>
        {
            o.RegistrationBaseAddress = new Uri(server.BaseAddress, "o/");
            o.CmuBaseAddress = new Uri(server.BaseAddress, "cmu/v2/");
        });

        var report = await host.Reports.GetTenantAsync();

        Assert.Equal("Acme", Assert.Single(report.Report).Tenant);
        Assert.Equal(["/o/client/register", "/o/client/token", "/cmu/v2/tenant"], server.Requests.Select(r => r.Path));
        Assert.All(server.Requests, r => Assert.Equal("gzip, deflate", r.Header("Accept-Encoding")));
    }

    [Fact]
    public async Task AGzipCompressedReportIsReadWithTheRecordsOfTheUncompressedOne()
    {
        var emulatorLogs = new CapturingLoggerProvider(_emulatorScan);
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet(emulatorLogs));
        await using var compressed = CmuTestHost.Create(emulator);
        await using var plain = CmuTestHost.Create(emulator, build: b =>
        {
            foreach (var client in new[] { b.RegistrationHttpClient, b.TokenHttpClient, b.UsageReportsHttpClient })
            {
                client.UseSocketsHttpHandler((handler, _) => handler.AutomaticDecompression = DecompressionMethods.None);
            }
        });

        var fromGzip = await DayReport.GetAsync(compressed.Reports);
        var encodedSoFar = Encodings(emulatorLogs);
        var fromPlain = await DayReport.GetAsync(plain.Reports);

        Assert.NotEmpty(fromGzip.Report);
        Assert.Equal(ReportDigest.Of(fromPlain), ReportDigest.Of(fromGzip));
        Assert.Equal(
            ["POST /o/client/register with 201, Content-Encoding gzip", "POST /o/client/token with 201, Content-Encoding gzip", "GET /cmu/v2/tenant/year/month/day with 200, Content-Encoding gzip"],
            encodedSoFar);
        Assert.Equal(encodedSoFar, Encodings(emulatorLogs)); // the host that asked for nothing got plain answers
        Assert.Equal(2, emulator.Stats.CountOf(DayReport.Endpoint, 200));
    }

    [Fact]
    public async Task ADeflateAnswerIsZlibWrappedAndTheLibraryDecodesIt()
    {
        var emulatorLogs = new CapturingLoggerProvider(_emulatorScan);
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet(emulatorLogs));
        await using var plain = CmuTestHost.Create(emulator);
        var expected = ReportDigest.Of(await DayReport.GetAsync(plain.Reports));

        // The handler keeps a header already set: this one makes deflate the server's choice.
        await using var host = CmuTestHost.Create(emulator, build: b => b.UsageReportsHttpClient.AddHttpMessageHandler(
            () => new HeaderSettingHandler("Accept-Encoding", "deflate, gzip;q=0.5")));
        var fromDeflate = await DayReport.GetAsync(host.Reports);

        Assert.Equal(expected, ReportDigest.Of(fromDeflate));
        Assert.Equal("GET /cmu/v2/tenant/year/month/day with 200, Content-Encoding deflate", Encodings(emulatorLogs).Last());

        // On the wire, HTTP deflate is zlib (RFC 9110): a 0x78 header byte and an Adler-32 trailer that ZLibStream checks.
        using var raw = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = emulator.CmuBaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "tenant");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (await host.Tokens.GetAccessTokenAsync()).Value);
        request.Headers.AcceptEncoding.ParseAdd("deflate");
        using var response = await raw.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(["deflate"], response.Content.Headers.ContentEncoding);
        Assert.Equal(0x78, body[0]);
        await using var zlib = new ZLibStream(new MemoryStream(body), CompressionMode.Decompress);
        using var document = await JsonDocument.ParseAsync(zlib);
        Assert.NotEmpty(document.RootElement.GetProperty("report").EnumerateArray());
    }

    [Fact]
    public async Task WithoutAcceptEncodingTheEmulatorAnswersUncompressed()
    {
        var emulatorLogs = new CapturingLoggerProvider(_emulatorScan);
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet(emulatorLogs));
        using var raw = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = emulator.BaseAddress };

        using var registration = await raw.PostAsync(new Uri("o/client/register", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var report = await raw.GetAsync(new Uri("cmu/v2/tenant", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, registration.StatusCode);
        Assert.Empty(registration.Content.Headers.ContentEncoding);
        Assert.Contains("invalid_request", await registration.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, report.StatusCode);
        Assert.Empty(report.Content.Headers.ContentEncoding);
        Assert.StartsWith("Unauthorized", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Encodings(emulatorLogs));
    }

    private static EmulatorOptions Quiet(ILoggerProvider? logs = null) => new()
    {
        Throttle = { Enabled = false },
        ConfigureLogging = logs is null ? null : l => l.AddFilter(EncodingCategory, LogLevel.Debug).AddProvider(logs),
    };

    private static List<string> Encodings(CapturingLoggerProvider logs) =>
        [.. logs.Records.Where(r => r.Category == EncodingCategory).Select(r => r.Message["Answered ".Length..])];

    private sealed class HeaderSettingHandler(string name, string value) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
