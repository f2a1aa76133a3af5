namespace Mfa.Core.Storage.InMemory;

/// <summary>An in-process <see cref="IAttemptCounterStore"/> for tests and samples.</summary>
internal sealed class InMemoryAttemptCounterStore : IAttemptCounterStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AttemptCounter> _counters = new(StringComparer.Ordinal);

    public Task<AttemptCounter> IncrementAsync(string key, DateTimeOffset now, TimeSpan? window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            var current = _counters.GetValueOrDefault(key);
            var next = current.WindowStart is { } start && (window is null || start > now - window.Value)
                ? current with { Count = current.Count + 1 }
                : new AttemptCounter(1, now);
            _counters[key] = next;
            return Task.FromResult(next);
        }
    }

    public Task<AttemptCounter> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return Task.FromResult(_counters.GetValueOrDefault(key));
        }
    }

    public Task ResetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            _counters.Remove(key);
        }

        return Task.CompletedTask;
    }
}
