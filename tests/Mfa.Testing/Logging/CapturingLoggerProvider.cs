using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mfa.Testing.Logging;

/// <summary>Keeps every log entry written through it, at every level (add it with <c>AddLogging(b => b.AddProvider(...))</c>).</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    /// <summary>The entries so far, oldest first.</summary>
    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    /// <summary>Every text of every entry (messages and state values).</summary>
    public IEnumerable<string> Texts => Entries.SelectMany(e => e.Texts());

    /// <summary>Gets the event id of every entry, oldest first.</summary>
    public IEnumerable<int> EventIds => Entries.Select(e => e.EventId.Id);

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            IReadOnlyList<KeyValuePair<string, object?>> values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? [.. pairs] : [];
            var message = formatter(state, exception);
            if (exception is not null)
            {
                message += Environment.NewLine + exception;
            }

            entries.Enqueue(new CapturedLog(category, logLevel, eventId, message, values));
        }
    }
}
