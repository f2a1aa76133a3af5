using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mfa.Duo.Tests.Factor;

/// <summary>Keeps every log event (level, id, message) so tests can assert the loud ones.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, int EventId, string Message)> Events { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Events.Enqueue((logLevel, eventId.Id, formatter(state, exception)));
    }
}
