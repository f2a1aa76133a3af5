namespace Mfa.Testing;

/// <summary>A <see cref="TimeProvider"/> that only moves when a test moves it.</summary>
/// <remarks>
/// OBSOLETE (issue #14): every test project uses <c>Microsoft.Extensions.Time.Testing.FakeTimeProvider</c> instead, except
/// tests/Mfa.Push.Tests and tests/Mfa.Duo.Tests, which the <c>oob</c> branch converts. Delete this type once they have.
/// Not marked <see cref="ObsoleteAttribute"/>: warnings are errors, so the attribute would break those two projects' build.
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
