using Mfa.Core.Storage;

namespace Mfa.Benchmarks.Storage;

/// <summary>A store's <see cref="IChallengeStore"/> with <see cref="CreateAsync"/> (begin's INSERT) timed (the breakdown mode).</summary>
internal sealed class TimedChallengeStore(IChallengeStore inner, StepTimings timings) : IChallengeStore
{
    public Task CreateAsync(PendingChallenge challenge, CancellationToken cancellationToken = default) =>
        timings.TimeAsync(StepTimings.BeginInsert, () => inner.CreateAsync(challenge, cancellationToken));

    public Task<PendingChallenge?> FindAsync(string id, CancellationToken cancellationToken = default) => inner.FindAsync(id, cancellationToken);

    public Task<PendingChallenge?> TryConsumeAsync(string id, ChallengeBinding binding, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        inner.TryConsumeAsync(id, binding, now, cancellationToken);

    public Task<PendingChallenge?> TryAnswerAsync(string id, string factorKind, ReadOnlyMemory<byte> answer, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        inner.TryAnswerAsync(id, factorKind, answer, now, cancellationToken);

    public Task<IReadOnlyList<PendingChallenge>> FindPendingAsync(string userId, string factorKind, string authenticatorId, DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        inner.FindPendingAsync(userId, factorKind, authenticatorId, now, limit, cancellationToken);

    public Task<int> SweepExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => inner.SweepExpiredAsync(now, cancellationToken);
}
