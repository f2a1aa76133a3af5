namespace Mfa.Core.Storage;

/// <summary>A failure counter: how many, and since when.</summary>
/// <param name="Count">The failures counted.</param>
/// <param name="WindowStart">When the first counted failure happened, or <see langword="null"/> when none.</param>
public readonly record struct AttemptCounter(int Count, DateTimeOffset? WindowStart);
