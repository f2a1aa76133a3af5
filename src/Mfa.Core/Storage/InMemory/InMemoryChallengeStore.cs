namespace Mfa.Core.Storage.InMemory;

/// <summary>An in-process <see cref="IChallengeStore"/> for tests and samples.</summary>
internal sealed class InMemoryChallengeStore : IChallengeStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PendingChallenge> _challenges = new(StringComparer.Ordinal);

    /// <summary>How many pending challenges and enrollments are held (expired ones until swept).</summary>
    internal int Count
    {
        get
        {
            lock (_gate)
            {
                return _challenges.Count;
            }
        }
    }

    public Task CreateAsync(PendingChallenge challenge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        lock (_gate)
        {
            if (!_challenges.TryAdd(challenge.Id, challenge with { Consumed = false, State = challenge.State.ToArray(), Answer = null, AnsweredAt = null }))
            {
                throw new InvalidOperationException("A challenge with this id already exists.");
            }
        }

        return Task.CompletedTask;
    }

    public Task<PendingChallenge?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            return Task.FromResult(_challenges.GetValueOrDefault(id));
        }
    }

    public Task<PendingChallenge?> TryConsumeAsync(string id, ChallengeBinding binding, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(binding);
        lock (_gate)
        {
            if (!_challenges.TryGetValue(id, out var challenge) || challenge.Consumed || challenge.ExpiresAt <= now || challenge.Binding != binding)
            {
                return Task.FromResult<PendingChallenge?>(null);
            }

            var consumed = challenge with { Consumed = true };
            _challenges[id] = consumed;
            return Task.FromResult<PendingChallenge?>(consumed);
        }
    }

    public Task<PendingChallenge?> TryAnswerAsync(string id, string factorKind, ReadOnlyMemory<byte> answer, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(factorKind);
        lock (_gate)
        {
            if (!_challenges.TryGetValue(id, out var challenge) || challenge.StateAt(now) != PendingChallengeState.Begun || challenge.Binding.FactorKind != factorKind)
            {
                return Task.FromResult<PendingChallenge?>(null);
            }

            var answered = challenge with { Answer = answer.ToArray(), AnsweredAt = now };
            _challenges[id] = answered;
            return Task.FromResult<PendingChallenge?>(answered);
        }
    }

    public Task<IReadOnlyList<PendingChallenge>> FindPendingAsync(string userId, string factorKind, string authenticatorId, DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(factorKind);
        ArgumentNullException.ThrowIfNull(authenticatorId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            IReadOnlyList<PendingChallenge> pending = _challenges.Values
                .Where(c => c.StateAt(now) == PendingChallengeState.Begun
                    && c.Binding.UserId == userId && c.Binding.FactorKind == factorKind
                    && (c.Binding.AuthenticatorId is null || c.Binding.AuthenticatorId == authenticatorId))
                .OrderBy(c => c.CreatedAt)
                .ThenBy(c => c.Id, StringComparer.Ordinal)
                .Take(limit)
                .ToList();
            return Task.FromResult(pending);
        }
    }

    public Task<int> SweepExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var expired = _challenges.Where(p => p.Value.ExpiresAt <= now).Select(p => p.Key).ToList();
            foreach (var id in expired)
            {
                _challenges.Remove(id);
            }

            return Task.FromResult(expired.Count);
        }
    }

    /// <summary>Tests only: puts a consumed challenge back to begun, as if the consume had never committed (a fault).</summary>
    /// <param name="id">The id.</param>
    internal void Unconsume(string id)
    {
        lock (_gate)
        {
            _challenges[id] = _challenges[id] with { Consumed = false };
        }
    }
}
