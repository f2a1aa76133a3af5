using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Mfa.Testing.Logging;

/// <summary>One log entry as a <see cref="CapturingLoggerProvider"/> saw it.</summary>
/// <param name="Category">The logger category.</param>
/// <param name="Level">The level.</param>
/// <param name="EventId">The event id.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="State">The structured values of the entry.</param>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)
{
    /// <summary>Every text the entry carries: the message and each state value.</summary>
    /// <returns>The texts.</returns>
    public IEnumerable<string> Texts() => State.Select(p => Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? string.Empty).Prepend(Message);
}
