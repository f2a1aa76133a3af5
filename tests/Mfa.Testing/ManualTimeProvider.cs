namespace Mfa.Testing;

/// <summary>A <see cref="TimeProvider"/> that only moves when a test moves it.</summary>
/// <remarks>
/// Tests use <c>Microsoft.Extensions.Time.Testing.FakeTimeProvider</c>. This clock remains for the hosts that run real
/// servers (tests/Mfa.AspNetCore.Tests, the Duo emulator in tests/Mfa.RandomInput.Tests): its <c>GetUtcNow</c> moves only
/// when told, but its timers and delays run in real time, whereas FakeTimeProvider's would stay frozen and hang Kestrel's
/// and the long-poll's waits until a test advanced the clock.
/// </remarks>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    /// <summary>Starts at 2026-01-01T00:00:00Z.</summary>
    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public void SetUtcNow(DateTimeOffset now)
    {
        lock (_gate)
        {
            _now = now;
        }
    }
}
