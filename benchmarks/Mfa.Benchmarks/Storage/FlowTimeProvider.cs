namespace Mfa.Benchmarks.Storage;

/// <summary>
/// A clock each concurrent caller moves on its own (per async flow), so that every caller can present a fresh TOTP
/// step on every operation without waiting 30 real seconds: the replay guard then accepts each one.
/// </summary>
public sealed class FlowTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly AsyncLocal<DateTimeOffset?> _now = new();

    public override DateTimeOffset GetUtcNow() => _now.Value ?? start;

    /// <summary>Sets this flow's time.</summary>
    public void Set(DateTimeOffset now) => _now.Value = now;
}
