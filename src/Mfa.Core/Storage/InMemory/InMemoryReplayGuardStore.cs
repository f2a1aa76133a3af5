namespace Mfa.Core.Storage.InMemory;

/// <summary>An in-process <see cref="IReplayGuardStore"/> for tests and samples.</summary>
internal sealed class InMemoryReplayGuardStore : IReplayGuardStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _lastSteps = new(StringComparer.Ordinal);

    public Task<bool> TryAdvanceStepAsync(string authenticatorId, long timeStep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authenticatorId);
        lock (_gate)
        {
            if (_lastSteps.TryGetValue(authenticatorId, out var last) && timeStep <= last)
            {
                return Task.FromResult(false);
            }

            _lastSteps[authenticatorId] = timeStep;
            return Task.FromResult(true);
        }
    }

    public Task<long?> GetLastStepAsync(string authenticatorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authenticatorId);
        lock (_gate)
        {
            return Task.FromResult(_lastSteps.TryGetValue(authenticatorId, out var last) ? last : (long?)null);
        }
    }
}
