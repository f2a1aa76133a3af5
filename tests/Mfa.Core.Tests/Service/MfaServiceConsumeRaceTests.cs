using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Core.Storage.InMemory;
using Mfa.Specification.Service;
using Mfa.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Core.Tests.Service;

/// <summary>What the loser of a race for one pending challenge is told.</summary>
[TestFixture]
public sealed class MfaServiceConsumeRaceTests
{
    private static readonly MfaUser s_alice = new("alice-id", "Alice");

    [Test]
    public async Task CompleteChallengeAsync_ConsumedByAnotherServerAfterItWasRead_IsAlreadyUsed()
    {
        var store = new RacedChallengeStore();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey).UseInMemoryStores();
        services.Replace(ServiceDescriptor.Singleton<IChallengeStore>(store));
        services.AddSingleton<IFactor, ProbeFactor>();
        await using var provider = services.BuildServiceProvider();
        var mfa = provider.GetRequiredService<IMfaService>();
        await ProbeFlow.EnrollAsync(mfa, s_alice);
        var (challengeId, nonce) = await ProbeFlow.BeginAsync(mfa, s_alice);
        store.RaceNextFind = true;

        var result = await ProbeFlow.AnswerAsync(mfa, s_alice, challengeId, nonce);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
    }

    /// <summary>An in-memory store where another server consumes the challenge right after this one reads it.</summary>
    private sealed class RacedChallengeStore : IChallengeStore
    {
        private readonly InMemoryChallengeStore _inner = new();

        public bool RaceNextFind { get; set; }

        public Task CreateAsync(PendingChallenge challenge, CancellationToken cancellationToken = default) => _inner.CreateAsync(challenge, cancellationToken);

        public async Task<PendingChallenge?> FindAsync(string id, CancellationToken cancellationToken = default)
        {
            var found = await _inner.FindAsync(id, cancellationToken);
            if (RaceNextFind && found is not null)
            {
                RaceNextFind = false;
                await _inner.TryConsumeAsync(id, found.Binding, found.CreatedAt, cancellationToken);
            }

            return found;
        }

        public Task<PendingChallenge?> TryConsumeAsync(string id, ChallengeBinding binding, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            _inner.TryConsumeAsync(id, binding, now, cancellationToken);

        public Task<PendingChallenge?> TryAnswerAsync(string id, string factorKind, ReadOnlyMemory<byte> answer, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            _inner.TryAnswerAsync(id, factorKind, answer, now, cancellationToken);

        public Task<IReadOnlyList<PendingChallenge>> FindPendingAsync(string userId, string factorKind, string authenticatorId, DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
            _inner.FindPendingAsync(userId, factorKind, authenticatorId, now, limit, cancellationToken);

        public Task<int> SweepExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => _inner.SweepExpiredAsync(now, cancellationToken);
    }
}
