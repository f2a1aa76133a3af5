using System.Collections.Concurrent;

namespace Mfa.Push.Tests.Transports.Fakes;

/// <summary>
/// A clock for retry tests: a timer due within <see cref="FireAtMost"/> fires at once and moves the clock forward by
/// its due time (so back-off delays pass without sleeping and are recorded); a longer timer (a request timeout) never fires.
/// </summary>
internal sealed class AutoAdvanceTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public AutoAdvanceTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public TimeSpan FireAtMost { get; init; } = TimeSpan.FromMinutes(1);

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

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

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime <= FireAtMost)
        {
            Delays.Enqueue(dueTime);
            Advance(dueTime);
            _ = Task.Run(() => callback(state));
        }

        return new NeverTimer();
    }

    private sealed class NeverTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
