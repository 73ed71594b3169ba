using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using CmuContracts.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Tests.Observability;

/// <summary>The access pipeline's LoggerMessage events, each with its event id, name and level.</summary>
public sealed class LogEventTests
{
    private static EmulatorOptions Quiet() => new() { Throttle = { Enabled = false } };

    [Fact]
    public async Task AColdStartLogsRegisteredThenTokenAcquired()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        await using var host = CmuTestHost.Create(emulator);

        await DayReport.GetAsync(host.Reports);

        var clientId = (await host.CurrentCredentialsAsync())!.ClientId;
        var registered = Single(host, 1, "Registered", LogLevel.Information);
        var acquired = Single(host, 3, "TokenAcquired", LogLevel.Information);
        Assert.Contains(clientId, registered.Message, StringComparison.Ordinal);
        Assert.Contains(clientId, acquired.Message, StringComparison.Ordinal);
        Assert.True(IndexOf(host, registered) < IndexOf(host, acquired));
        Assert.DoesNotContain(Pipeline(host), r => r.EventId.Id is 2 or 4);
    }

    [Fact]
    public async Task A401LogsTheRenewal()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("expire-token", send => send == 1);
        await using var host = CmuTestHost.Create(emulator, build: b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => fault));

        await DayReport.GetAsync(host.Reports);

        var renewing = Single(host, 4, "RenewingAfter401", LogLevel.Information);
        Assert.Contains("getTenantYearMonthDay", renewing.Message, StringComparison.Ordinal);
        Assert.Equal(2, Pipeline(host).Count(r => r.EventId.Id == 3)); // a token before, one after
        Assert.Single(Pipeline(host), r => r.EventId.Id == 1);
    }

    [Fact]
    public async Task AClientTheServerForgotLogsRegisteredAgain()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(Quiet());
        var fault = new FaultOnSendHandler("revoke-client", send => send == 2);
        await using var host = CmuTestHost.Create(emulator, build: b => b.UsageReportsHttpClient.AddHttpMessageHandler(() => fault));

        await DayReport.GetAsync(host.Reports);
        var first = (await host.CurrentCredentialsAsync())!.ClientId;
        await DayReport.GetAsync(host.Reports);

        var again = Single(host, 2, "RegisteringAgain", LogLevel.Warning);
        Assert.Contains(first, again.Message, StringComparison.Ordinal);
        Assert.Contains("invalid_client", again.Message, StringComparison.Ordinal);
        Assert.Equal(2, Pipeline(host).Count(r => r.EventId.Id == 1));
    }

    private static CapturingLoggerProvider.LogRecord Single(CmuTestHost host, int id, string name, LogLevel level)
    {
        var record = Assert.Single(Pipeline(host), r => r.EventId.Id == id);
        Assert.Equal(name, record.EventId.Name);
        Assert.Equal(level, record.Level);
        return record;
    }

    // Polly and HttpClient log with small event ids too: only the pipeline's own categories count here.
    private static IEnumerable<CapturingLoggerProvider.LogRecord> Pipeline(CmuTestHost host) =>
        host.Logs.Records.Where(r => r.Category.StartsWith("CmuContracts.", StringComparison.Ordinal));

    private static int IndexOf(CmuTestHost host, CapturingLoggerProvider.LogRecord record) => host.Logs.Records.ToList().IndexOf(record);
}
