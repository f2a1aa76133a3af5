using Mfa.Core.Storage;
using Mfa.Core.Storage.InMemory;

namespace Mfa.Core.Tests.Fakes;

/// <summary>An in-memory challenge store whose consume step can be told to fail like a store that is down.</summary>
public sealed class ThrowingChallengeStore : IChallengeStore
{
    private readonly InMemoryChallengeStore _inner = new();

    /// <summary>When set, <see cref="TryConsumeAsync"/> throws this before touching any state.</summary>
    public Exception? ConsumeFault { get; set; }

    public Task CreateAsync(PendingChallenge challenge, CancellationToken cancellationToken = default) => _inner.CreateAsync(challenge, cancellationToken);

    public Task<PendingChallenge?> FindAsync(string id, CancellationToken cancellationToken = default) => _inner.FindAsync(id, cancellationToken);

    public Task<PendingChallenge?> TryConsumeAsync(string id, ChallengeBinding binding, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ConsumeFault is { } fault ? Task.FromException<PendingChallenge?>(fault) : _inner.TryConsumeAsync(id, binding, now, cancellationToken);

    public Task<PendingChallenge?> TryAnswerAsync(string id, string factorKind, ReadOnlyMemory<byte> answer, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        _inner.TryAnswerAsync(id, factorKind, answer, now, cancellationToken);

    public Task<IReadOnlyList<PendingChallenge>> FindPendingAsync(string userId, string factorKind, string authenticatorId, DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        _inner.FindPendingAsync(userId, factorKind, authenticatorId, now, limit, cancellationToken);

    public Task<int> SweepExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => _inner.SweepExpiredAsync(now, cancellationToken);
}
