using System.Diagnostics;
using System.Diagnostics.Metrics;
using CmuContracts.Auth;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Http;
using CmuContracts.Tests.Pipeline;

namespace CmuContracts.Tests.Observability;

/// <summary>The <c>CmuContracts</c> ActivitySource and Meter: registrations, token requests and request duration.</summary>
[Collection(SequentialGroup.Name)]
public sealed class DiagnosticsTests
{
    private static EmulatorOptions Quiet() => new() { Throttle = { Enabled = false } };

    [Fact]
    public void TheSourceAndTheMeterAreNamedCmuContracts()
    {
        Assert.Equal("CmuContracts", CmuDiagnostics.Name);
        using var recorder = new DiagnosticsRecorder();

        Assert.IsType<Counter<long>>(recorder.Instruments["cmu.registrations"]);
        Assert.Equal("{registration}", recorder.Instruments["cmu.registrations"].Unit);
        Assert.IsType<Counter<long>>(recorder.Instruments["cmu.token_requests"]);
        Assert.Equal("{request}", recorder.Instruments["cmu.token_requests"].Unit);
        Assert.IsType<Histogram<double>>(recorder.Instruments["cmu.request.duration"]);
        Assert.Equal("s", recorder.Instruments["cmu.request.duration"].Unit);
    }

    [Fact]
    public async Task AFlowMeasuresOneRegistrationOneTokenRequestAndEachCallSDuration()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        await using var host = CmuTestHost.Create(emulator);
        using var recorder = new DiagnosticsRecorder();

        await DayReport.GetAsync(host.Reports);
        await DayReport.GetAsync(host.Reports);

        var registration = Assert.Single(recorder.Of("cmu.registrations"));
        Assert.Equal(1, registration.Value);
        Assert.Equal("success", registration.Tag("outcome"));
        var token = Assert.Single(recorder.Of("cmu.token_requests"));
        Assert.Equal(1, token.Value);
        Assert.Equal("success", token.Tag("outcome"));

        var durations = recorder.Of("cmu.request.duration").ToList();
        Assert.Equal(2, durations.Count(d => (string?)d.Tag("cmu.operation") == "getTenantYearMonthDay" && (string?)d.Tag("http.response.status_code") == "200"));
        Assert.Single(durations, d => (string?)d.Tag("cmu.operation") == "registerClient" && (string?)d.Tag("http.response.status_code") == "201");
        Assert.Single(durations, d => (string?)d.Tag("cmu.operation") == "createAccessToken" && (string?)d.Tag("http.response.status_code") == "201");
        Assert.All(durations, d => Assert.InRange(d.Value, double.Epsilon, 60));

        // Tags by construction: outcomes, operation ids and statuses, nothing a secret could hide in.
        var keys = recorder.Measurements.SelectMany(m => m.Tags.Select(t => t.Key)).ToHashSet();
        Assert.Subset(new HashSet<string> { "outcome", "cmu.operation", "http.response.status_code" }, keys);
    }

    [Fact]
    public async Task AFlowTracesTheRegistrationAndTheTokenRequest()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        await using var host = CmuTestHost.Create(emulator);
        using var recorder = new DiagnosticsRecorder();

        await DayReport.GetAsync(host.Reports);

        var clientId = (await host.CurrentCredentialsAsync())!.ClientId;
        var register = Assert.Single(recorder.Activities, a => a.OperationName == "cmu.register");
        Assert.Equal(CmuDiagnostics.Name, register.Source.Name);
        Assert.Equal(ActivityKind.Internal, register.Kind);
        Assert.Equal(SoftwareStatement.Parse(host.Statement).SoftwareId, register.GetTagItem("cmu.software_id"));
        Assert.NotEqual(ActivityStatusCode.Error, register.Status);
        var token = Assert.Single(recorder.Activities, a => a.OperationName == "cmu.token");
        Assert.Equal(clientId, token.GetTagItem("cmu.client_id"));
        Assert.True(token.Duration > TimeSpan.Zero);
        Assert.All(recorder.Activities, a => Assert.Subset(new HashSet<string> { "cmu.software_id", "cmu.client_id" }, a.TagObjects.Select(t => t.Key).ToHashSet()));
    }

    [Fact]
    public async Task ARefusedRegistrationIsAFailureMeasurementAndAnErrorActivity()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var unknown = Auth.TestJwt.Create("""{"sub":"unknown-app","iss":"auth.adobe.com","nbf":1}""");
        await using var host = CmuTestHost.Create(emulator, statement: unknown);
        using var recorder = new DiagnosticsRecorder();

        await Assert.ThrowsAsync<ClientRegistrationException>(() => DayReport.GetAsync(host.Reports));

        Assert.Equal("failure", Assert.Single(recorder.Of("cmu.registrations")).Tag("outcome"));
        Assert.Empty(recorder.Of("cmu.token_requests"));
        var register = Assert.Single(recorder.Activities, a => a.OperationName == "cmu.register");
        Assert.Equal(ActivityStatusCode.Error, register.Status);
        Assert.Equal(nameof(ClientRegistrationException), register.StatusDescription);
    }
}
