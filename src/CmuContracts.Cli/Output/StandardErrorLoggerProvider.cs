using Microsoft.Extensions.Logging;

namespace CmuContracts.Cli.Output;

/// <summary>
/// --verbose: the library's log lines on standard error. The library logs ids, names and times only, never
/// a secret, token or statement, so its lines can be shown as they are.
/// </summary>
internal sealed class StandardErrorLoggerProvider(TextWriter error) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var shortCategory = category[(category.LastIndexOf('.') + 1)..];
        var line = $"cmu: [{level.ToString().ToLowerInvariant()}] {shortCategory}: {message}";
        if (exception is not null)
        {
            line += $" ({exception.GetType().Name})";
        }

        lock (_gate)
        {
            error.WriteLine(line);
        }
    }

    private sealed class Logger(StandardErrorLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
