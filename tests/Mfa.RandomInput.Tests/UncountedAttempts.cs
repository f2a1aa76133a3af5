using Mfa.Core.Storage;

namespace Mfa.RandomInput.Tests;

/// <summary>
/// An attempt counter that never counts, so that thousands of failed random attempts reach the parsers instead of the
/// throttle (lockout has its own tests).
/// </summary>
internal sealed class UncountedAttempts : IAttemptCounterStore
{
    public Task<AttemptCounter> IncrementAsync(string key, DateTimeOffset now, TimeSpan? window, CancellationToken cancellationToken = default) =>
        Task.FromResult(default(AttemptCounter));

    public Task<AttemptCounter> GetAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(default(AttemptCounter));

    public Task ResetAsync(string key, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
