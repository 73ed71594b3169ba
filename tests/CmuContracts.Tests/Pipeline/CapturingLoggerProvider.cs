using System.Collections.Concurrent;
using CmuContracts.Tests.Secrets;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// Keeps every log record of one test host, at Trace, with its event id; and hands each formatted line, its
/// structured state and its scopes to the host's <see cref="SecretScan"/>.
/// </summary>
internal sealed class CapturingLoggerProvider(SecretScan scan) : ILoggerProvider
{
    public ConcurrentQueue<LogRecord> Records { get; } = new();

    public IEnumerable<string> Lines => Records.Select(r => r.Line);

    public ILogger CreateLogger(string categoryName) => new Logger(this, scan, categoryName);

    public void Dispose()
    {
    }

    internal sealed record LogRecord(LogLevel Level, string Category, EventId EventId, string Message, string Line);

    private sealed class Logger(CapturingLoggerProvider owner, SecretScan scan, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            scan.Add(TextSource.Log, $"scope {category}: {state} {Structured(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var line = $"{logLevel} {category}[{eventId.Id}]: {message} {exception}";
            owner.Records.Enqueue(new LogRecord(logLevel, category, eventId, message, line));

            // A structured sink writes every state value, including those the message leaves out.
            scan.Add(TextSource.Log, line + " " + Structured(state));
        }

        private static string Structured<TState>(TState state) => state is IEnumerable<KeyValuePair<string, object?>> values
            ? string.Join(' ', values.Select(v => $"{v.Key}={v.Value}"))
            : "";
    }
}
