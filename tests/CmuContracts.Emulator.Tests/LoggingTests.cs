using System.Collections.Concurrent;
using System.Text.Json;
using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Emulator.Tests;

/// <summary>Structured logs never carry software statements, client secrets, access tokens or Authorization headers.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task SecretsNeverReachTheLogs()
    {
        var provider = new CapturingLoggerProvider();
        var options = SharedEmulatorFixture.Options();
        options.ConfigureLogging = logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(provider);
        };
        await using var emulator = await AdobePassEmulator.StartAsync(options);
        using var client = new EmulatorClient(emulator);

        var statement = await client.StatementAsync();
        using var register = await client.RegisterAsync(statement);
        using var registration = JsonDocument.Parse(await register.Content.ReadAsStringAsync());
        var clientId = registration.RootElement.GetProperty("client_id").GetString()!;
        var secret = registration.RootElement.GetProperty("client_secret").GetString()!;
        using var tokenResponse = await client.Http.PostAsync(
            new Uri($"o/client/token?grant_type=client_credentials&client_id={clientId}&client_secret={secret}", UriKind.Relative), null);
        using var tokenDoc = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        var token = tokenDoc.RootElement.GetProperty("access_token").GetString()!;
        (await client.ReportAsync("/tenant", token)).Dispose();
        (await client.ReportAsync("/tenant?access_token=" + token, null)).Dispose();
        (await client.ReportAsync("/tenant", token + "x")).Dispose();
        (await client.TokenAsync(clientId, secret + "x")).Dispose();
        (await client.RegisterAsync(statement + "x")).Dispose();

        var logs = string.Join('\n', provider.Lines);
        Assert.Contains(clientId, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], logs, StringComparison.Ordinal);
        Assert.DoesNotContain(statement.Split('.')[2], logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer ey", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", logs, StringComparison.Ordinal);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(';', pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                owner.Lines.Enqueue($"{category} {formatter(state, exception)} {structured} {exception}");
            }
        }
    }
}
