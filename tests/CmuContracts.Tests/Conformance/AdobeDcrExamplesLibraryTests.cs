using CmuContracts.Auth;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Reports;
using CmuContracts.Tests.Infrastructure;
using CmuContracts.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace CmuContracts.Tests.Conformance;

/// <summary>
/// The access pipeline runs on Adobe's own DCR samples (<see cref="AdobeDcrExamples"/>) and CMU example
/// (<see cref="AdobeCmuExamples"/>), served unchanged by one canned loopback server: register, token, report.
/// </summary>
public sealed class AdobeDcrExamplesLibraryTests : IAsyncLifetime
{
    private AdobePassEmulator _emulator = null!;
    private RecordingServer _server = null!;
    private CmuTestHost _host = null!;

    public async Task InitializeAsync()
    {
        // The emulator only issues a software statement the library accepts; nothing is sent to it.
        _emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false } });
        _server = await RecordingServer.StartAsync();
        _host = CmuTestHost.Create(_emulator, o =>
        {
            o.RegistrationBaseAddress = new Uri(_server.BaseAddress, "o/");
            o.CmuBaseAddress = new Uri(_server.BaseAddress, "cmu/v2/");
            o.CredentialStorage = CredentialStorage.Memory;
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task AdobesRegistrationAndTokenSamplesCarryAReportRequest()
    {
        _server.Enqueue(new ScriptedResponse(201, AdobeDcrExamples.ContentType, AdobeDcrExamples.RegistrationSuccess));
        _server.Enqueue(new ScriptedResponse(201, AdobeDcrExamples.ContentType, AdobeDcrExamples.TokenSuccess));
        _server.Enqueue(ScriptedResponse.Json(200, AdobeCmuExamples.YearMonthJson));

        var report = await _host.Services.GetRequiredService<IUsageReports>().GetReportAsync(UsageReportQuery.For("year", "month"));

        Assert.Equal(2, report.Records.Count);
        var requests = _server.Requests;
        Assert.Equal(["POST /o/client/register", "POST /o/client/token", "GET /cmu/v2/year/month"], requests.Select(r => r.Method + " " + r.Path));
        Assert.Equal(
            AdobeDcrExamples.TokenRequestBody.Split('&').Order(StringComparer.Ordinal),
            requests[1].BodyText.Split('&').Order(StringComparer.Ordinal));
        Assert.Equal("Bearer 2YotnFZFEjr1zCsicMWpAA", requests[2].Header("Authorization"));
    }

    [Fact]
    public async Task AdobesRegistrationErrorSampleFailsWithItsCode()
    {
        _server.Enqueue(new ScriptedResponse(400, AdobeDcrExamples.ContentType, AdobeDcrExamples.ErrorInvalidRequest));

        var error = await Assert.ThrowsAsync<ClientRegistrationException>(() => _host.Services.GetRequiredService<IUsageReports>().GetReportAsync(UsageReportQuery.For("year", "month")));

        Assert.Equal((400, "invalid_request"), (error.StatusCode, error.ErrorCode));
        var only = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/o/client/register"), (only.Method, only.Path));
    }
}
