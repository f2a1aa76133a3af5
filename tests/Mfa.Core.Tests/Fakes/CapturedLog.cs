using Microsoft.Extensions.Logging;

namespace Mfa.Core.Tests.Fakes;

/// <summary>One log entry as a <see cref="CapturingLoggerProvider"/> saw it.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)
{
    /// <summary>Every text the entry carries: the message and each state value.</summary>
    public IEnumerable<string> Texts() => State.Select(p => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).Prepend(Message);
}
