using Mfa.Core.Storage;

namespace Mfa.Specification.Storage;

/// <summary>The contract of <see cref="IChallengeStore"/>: created once, expiring, consumed at most once (atomically), swept.</summary>
public abstract class ChallengeStoreSpecification : StoreSpecification<IChallengeStore>
{
    private static readonly TimeSpan s_lifetime = TimeSpan.FromMinutes(2);

    private PendingChallenge NewChallenge(string? authenticatorId = null, string purpose = "sign-in", byte[]? state = null) => new()
    {
        Id = NewId("challenge"),
        Binding = new ChallengeBinding(NewId("user"), "totp", authenticatorId, purpose),
        CreatedAt = Now,
        ExpiresAt = Now + s_lifetime,
        State = state ?? [1, 2, 3, 0, 255, 128],
    };

    private async Task<PendingChallenge> CreateAsync(PendingChallenge? challenge = null)
    {
        challenge ??= NewChallenge();
        await Store.CreateAsync(challenge);
        return challenge;
    }

    private static void AssertSameChallenge(PendingChallenge? actual, PendingChallenge expected, bool consumed)
    {
        Assert.That(actual, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual!.Id, Is.EqualTo(expected.Id));
            Assert.That(actual.Binding, Is.EqualTo(expected.Binding));
            Assert.That(actual.CreatedAt, Is.EqualTo(expected.CreatedAt));
            Assert.That(actual.ExpiresAt, Is.EqualTo(expected.ExpiresAt));
            Assert.That(actual.State.ToArray(), Is.EqualTo(expected.State.ToArray()));
            Assert.That(actual.Consumed, Is.EqualTo(consumed));
        }
    }

    /// <summary>Asserts that a refused consume changed nothing: the challenge is still unconsumed and its owner can still consume it.</summary>
    private async Task AssertStillConsumableAsync(PendingChallenge challenge)
    {
        AssertSameChallenge(await Store.FindAsync(challenge.Id), challenge, consumed: false);
        var consumed = await Store.TryConsumeAsync(challenge.Id, challenge.Binding, Now);
        AssertSameChallenge(consumed, challenge, consumed: true);
    }

    // --- create and find --------------------------------------------------------------------------------------

    [Test]
    public async Task CreateAsync_ThenFind_ReturnsEveryFieldUnconsumed()
    {
        var challenge = await CreateAsync(NewChallenge(authenticatorId: "auth-1", purpose: "step-up:password-change"));
        AssertSameChallenge(await Store.FindAsync(challenge.Id), challenge, consumed: false);
    }

    [Test]
    public async Task CreateAsync_NoAuthenticatorId_RoundTripsNull()
    {
        var challenge = await CreateAsync();
        Assert.That((await Store.FindAsync(challenge.Id))?.Binding.AuthenticatorId, Is.Null);
    }

    [Test]
    public async Task CreateAsync_EmptyState_RoundTripsEmpty()
    {
        var challenge = await CreateAsync(NewChallenge(state: []));
        AssertSameChallenge(await Store.FindAsync(challenge.Id), challenge, consumed: false);
    }

    [Test]
    public async Task CreateAsync_LargeState_RoundTrips()
    {
        var state = Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 31)).ToArray();
        var challenge = await CreateAsync(NewChallenge(state: state));
        AssertSameChallenge(await Store.FindAsync(challenge.Id), challenge, consumed: false);
    }

    [Test]
    public async Task CreateAsync_MarkedConsumedByCaller_IsStoredUnconsumed()
    {
        var challenge = NewChallenge() with { Consumed = true };
        await Store.CreateAsync(challenge);
        Assert.That((await Store.FindAsync(challenge.Id))?.Consumed, Is.False);
    }

    [Test]
    public async Task CreateAsync_CallerChangesStateAfterwards_StoredStateUnchanged()
    {
        byte[] state = [9, 9, 9];
        var challenge = await CreateAsync(NewChallenge(state: state));
        state[0] = 0;
        Assert.That((await Store.FindAsync(challenge.Id))?.State.ToArray(), Is.EqualTo(new byte[] { 9, 9, 9 }));
    }

    [Test]
    public async Task CreateAsync_DuplicateId_ThrowsAndKeepsTheConsumedOriginal()
    {
        var original = await CreateAsync();
        await Store.TryConsumeAsync(original.Id, original.Binding, Now);

        // Re-creating an id must never reset a consumed challenge.
        Assert.That(async () => await Store.CreateAsync(original with { State = new byte[] { 7 } }), Throws.Exception);
        AssertSameChallenge(await Store.FindAsync(original.Id), original, consumed: true);
    }

    [Test]
    public async Task FindAsync_Unknown_ReturnsNull()
    {
        Assert.That(await Store.FindAsync(NewId("challenge")), Is.Null);
    }

    [Test]
    public async Task FindAsync_Expired_StillReturnsIt()
    {
        var challenge = await CreateAsync();
        Time.Advance(s_lifetime + TimeSpan.FromHours(1));
        AssertSameChallenge(await Store.FindAsync(challenge.Id), challenge, consumed: false);
    }

    [Test]
    public async Task FindAsync_OnPeer_SeesChallenge()
    {
        var challenge = await CreateAsync();
        AssertSameChallenge(await Peer.FindAsync(challenge.Id), challenge, consumed: false);
    }

    // --- consume ------------------------------------------------------------------------------------------

    [Test]
    public async Task TryConsumeAsync_Valid_ReturnsTheConsumedChallenge()
    {
        var challenge = await CreateAsync();
        AssertSameChallenge(await Store.TryConsumeAsync(challenge.Id, challenge.Binding, Now), challenge, consumed: true);
    }

    [Test]
    public async Task TryConsumeAsync_Valid_FindShowsItConsumed()
    {
        var challenge = await CreateAsync();
        await Store.TryConsumeAsync(challenge.Id, challenge.Binding, Now);
        AssertSameChallenge(await Store.FindAsync(challenge.Id), challenge, consumed: true);
    }

    [Test]
    public async Task TryConsumeAsync_BoundToAuthenticator_Consumes()
    {
        var challenge = await CreateAsync(NewChallenge(authenticatorId: "auth-1"));
        Assert.That(await Store.TryConsumeAsync(challenge.Id, challenge.Binding, Now), Is.Not.Null);
    }

    [Test]
    public async Task TryConsumeAsync_Twice_SecondReturnsNull()
    {
        var challenge = await CreateAsync();
        await Store.TryConsumeAsync(challenge.Id, challenge.Binding, Now);
        Assert.That(await Store.TryConsumeAsync(challenge.Id, challenge.Binding, Now), Is.Null);
    }

    [Test]
    public async Task TryConsumeAsync_AlreadyConsumedOnPeer_ReturnsNull()
    {
        var challenge = await CreateAsync();
        await Peer.TryConsumeAsync(challenge.Id, challenge.Binding, Now);
        Assert.That(await Store.TryConsumeAsync(challenge.Id, challenge.Binding, Now), Is.Null);
    }

    [Test]
    public async Task TryConsumeAsync_Unknown_ReturnsNull()
    {
        var challenge = NewChallenge();
        Assert.That(await Store.TryConsumeAsync(challenge.Id, challenge.Binding, Now), Is.Null);
    }

    [Test]
    public async Task TryConsumeAsync_JustBeforeExpiry_Consumes()
    {
        var challenge = await CreateAsync();
        Time.Advance(s_lifetime - TimeSpan.FromMilliseconds(1));
        Assert.That(await Store.TryConsumeAsync(challenge.Id, challenge.Binding, Now), Is.Not.Null);
    }

    [Test]
    public async Task TryConsumeAsync_AtExpiry_ReturnsNullAndLeavesItUnconsumed()
    {
        var challenge = await CreateAsync();
        Time.Advance(s_lifetime);

        var result = await Store.TryConsumeAsync(challenge.Id, challenge.Binding, Now);

        Assert.That(result, Is.Null);
        AssertSameChallenge(await Store.FindAsync(challenge.Id), challenge, consumed: false);
    }

    [Test]
    public async Task TryConsumeAsync_AfterExpiry_ReturnsNull()
    {
        var challenge = await CreateAsync();
        Time.Advance(s_lifetime + TimeSpan.FromSeconds(1));
        Assert.That(await Store.TryConsumeAsync(challenge.Id, challenge.Binding, Now), Is.Null);
    }

    [TestCase("user", Description = "another user")]
    [TestCase("user-case", Description = "the user id in another case")]
    [TestCase("factor", Description = "another factor")]
    [TestCase("purpose", Description = "another purpose")]
    [TestCase("authenticator", Description = "another authenticator")]
    [TestCase("authenticator-added", Description = "an authenticator for a challenge bound to none")]
    [TestCase("authenticator-removed", Description = "no authenticator for a challenge bound to one")]
    public async Task TryConsumeAsync_WrongBinding_ReturnsNullAndChangesNothing(string changed)
    {
        var bound = changed is "authenticator" or "authenticator-removed" ? "auth-1" : null;
        var challenge = await CreateAsync(NewChallenge(authenticatorId: bound, purpose: "step-up:password-change") with
        {
            Binding = new ChallengeBinding("Alice-" + Guid.NewGuid().ToString("N"), "totp", bound, "step-up:password-change"),
        });
        var binding = challenge.Binding;
        var wrong = changed switch
        {
            "user" => binding with { UserId = NewId("attacker") },
            "user-case" => binding with { UserId = binding.UserId.ToLowerInvariant() },
            "factor" => binding with { FactorKind = "webauthn" },
            "purpose" => binding with { Purpose = "sign-in" },
            "authenticator" => binding with { AuthenticatorId = "auth-2" },
            "authenticator-added" => binding with { AuthenticatorId = "auth-1" },
            "authenticator-removed" => binding with { AuthenticatorId = null },
            _ => throw new ArgumentOutOfRangeException(nameof(changed)),
        };

        var result = await Store.TryConsumeAsync(challenge.Id, wrong, Now);

        Assert.That(result, Is.Null);
        await AssertStillConsumableAsync(challenge);
    }

    [Test]
    public async Task TryConsumeAsync_RacingWithTheSameBinding_ExactlyOneWins()
    {
        var challenge = await CreateAsync();

        var results = await RaceAsync(store => store.TryConsumeAsync(challenge.Id, challenge.Binding, Now));

        Assert.That(results.Count(r => r is not null), Is.EqualTo(1));
        Assert.That((await Store.FindAsync(challenge.Id))?.Consumed, Is.True);
    }

    // --- out-of-band answers -------------------------------------------------------------------------------

    [Test]
    public async Task CreateAsync_ThenFind_HasNoAnswer()
    {
        var challenge = await CreateAsync();

        var found = await Store.FindAsync(challenge.Id);

        Assert.That((found!.Answer.HasValue, found.AnsweredAt), Is.EqualTo((false, (DateTimeOffset?)null)));
        Assert.That(found.StateAt(Now), Is.EqualTo(PendingChallengeState.Begun));
    }

    [Test]
    public async Task TryAnswerAsync_Begun_RecordsTheAnswerAndItsTime()
    {
        var challenge = await CreateAsync();
        Time.Advance(TimeSpan.FromSeconds(5));

        var answered = await Store.TryAnswerAsync(challenge.Id, "totp", new byte[] { 9, 0, 255 }, Now);
        var found = await Peer.FindAsync(challenge.Id);

        Assert.That(answered!.Answer!.Value.ToArray(), Is.EqualTo(new byte[] { 9, 0, 255 }));
        Assert.That(found!.Answer!.Value.ToArray(), Is.EqualTo(new byte[] { 9, 0, 255 }));
        Assert.That(found.AnsweredAt, Is.EqualTo(Now));
        Assert.That(found.StateAt(Now), Is.EqualTo(PendingChallengeState.Answered));
        Assert.That(found.Consumed, Is.False);
    }

    [Test]
    public async Task TryAnswerAsync_EmptyAnswer_RoundTripsAsAnAnswer()
    {
        var challenge = await CreateAsync();

        await Store.TryAnswerAsync(challenge.Id, "totp", ReadOnlyMemory<byte>.Empty, Now);

        Assert.That((await Store.FindAsync(challenge.Id))!.StateAt(Now), Is.EqualTo(PendingChallengeState.Answered));
    }

    [Test]
    public async Task TryAnswerAsync_SecondAnswer_RefusedAndFirstStands()
    {
        var challenge = await CreateAsync();
        await Store.TryAnswerAsync(challenge.Id, "totp", new byte[] { 1 }, Now);

        var second = await Peer.TryAnswerAsync(challenge.Id, "totp", new byte[] { 2 }, Now);

        Assert.That(second, Is.Null);
        Assert.That((await Store.FindAsync(challenge.Id))!.Answer!.Value.ToArray(), Is.EqualTo(new byte[] { 1 }));
    }

    [Test]
    public async Task TryAnswerAsync_OtherFactorKind_RefusedAndChangesNothing()
    {
        var challenge = await CreateAsync();

        Assert.That(await Store.TryAnswerAsync(challenge.Id, "push", new byte[] { 1 }, Now), Is.Null);
        Assert.That((await Store.FindAsync(challenge.Id))!.Answer.HasValue, Is.False);
    }

    [Test]
    public async Task TryAnswerAsync_AtOrAfterExpiry_RefusedJustBeforeAccepted()
    {
        var late = await CreateAsync();
        var onTime = await CreateAsync();

        Assert.That(await Store.TryAnswerAsync(late.Id, "totp", new byte[] { 1 }, late.ExpiresAt), Is.Null);
        Assert.That(await Store.TryAnswerAsync(onTime.Id, "totp", new byte[] { 1 }, onTime.ExpiresAt - TimeSpan.FromMilliseconds(1)), Is.Not.Null);
    }

    [Test]
    public async Task TryAnswerAsync_Consumed_Refused()
    {
        var challenge = await CreateAsync();
        await Store.TryConsumeAsync(challenge.Id, challenge.Binding, Now);

        Assert.That(await Store.TryAnswerAsync(challenge.Id, "totp", new byte[] { 1 }, Now), Is.Null);
    }

    [Test]
    public async Task TryAnswerAsync_Unknown_Null()
    {
        Assert.That(await Store.TryAnswerAsync(NewId("nope"), "totp", new byte[] { 1 }, Now), Is.Null);
    }

    [Test]
    public async Task TryConsumeAsync_Answered_ConsumesAndKeepsTheAnswer()
    {
        var challenge = await CreateAsync();
        await Store.TryAnswerAsync(challenge.Id, "totp", new byte[] { 7 }, Now);

        var consumed = await Peer.TryConsumeAsync(challenge.Id, challenge.Binding, Now);

        Assert.That(consumed!.Answer!.Value.ToArray(), Is.EqualTo(new byte[] { 7 }));
        Assert.That(consumed.StateAt(Now), Is.EqualTo(PendingChallengeState.Consumed));
    }

    // --- pending challenges of a user (a device's pull, push spec §4.7) ------------------------------------------

    private PendingChallenge ForUser(string userId, string? authenticatorId = null, string kind = "push", TimeSpan? after = null) => NewChallenge(authenticatorId) with
    {
        Binding = new ChallengeBinding(userId, kind, authenticatorId, "sign-in"),
        CreatedAt = Now + (after ?? TimeSpan.Zero),
    };

    [Test]
    public async Task FindPendingAsync_BegunOfUserAndKind_ReturnedOldestFirst()
    {
        var user = NewId("user");
        var second = await CreateAsync(ForUser(user, after: TimeSpan.FromSeconds(2)));
        var first = await CreateAsync(ForUser(user, after: TimeSpan.FromSeconds(1)));

        var pending = await Peer.FindPendingAsync(user, "push", "device-1", Now + TimeSpan.FromSeconds(3), 10);

        Assert.That(pending.Select(p => p.Id), Is.EqualTo(new[] { first.Id, second.Id }));
        AssertSameChallenge(pending[0], first, consumed: false);
    }

    [Test]
    public async Task FindPendingAsync_AnsweredConsumedOrExpired_NotReturned()
    {
        var user = NewId("user");
        var answered = await CreateAsync(ForUser(user));
        var consumed = await CreateAsync(ForUser(user));
        await CreateAsync(ForUser(user) with { ExpiresAt = Now + TimeSpan.FromSeconds(1) });
        var begun = await CreateAsync(ForUser(user));
        await Store.TryAnswerAsync(answered.Id, "push", new byte[] { 1 }, Now);
        await Store.TryConsumeAsync(consumed.Id, consumed.Binding, Now);

        var pending = await Peer.FindPendingAsync(user, "push", "device-1", Now + TimeSpan.FromSeconds(1), 10);

        Assert.That(pending.Select(p => p.Id), Is.EqualTo(new[] { begun.Id }));
    }

    [Test]
    public async Task FindPendingAsync_OtherUserKindOrAuthenticator_NotReturned()
    {
        var user = NewId("user");
        await CreateAsync(ForUser(NewId("other")));
        await CreateAsync(ForUser(user, kind: "duo"));
        await CreateAsync(ForUser(user, authenticatorId: "device-2"));
        var mine = await CreateAsync(ForUser(user, authenticatorId: "device-1"));
        var anyDevice = await CreateAsync(ForUser(user, after: TimeSpan.FromMilliseconds(1)));

        var pending = await Store.FindPendingAsync(user, "push", "device-1", Now + TimeSpan.FromSeconds(1), 10);

        Assert.That(pending.Select(p => p.Id), Is.EquivalentTo(new[] { mine.Id, anyDevice.Id }));
    }

    [Test]
    public async Task FindPendingAsync_MoreThanLimit_OldestUpToLimit()
    {
        var user = NewId("user");
        var created = new List<PendingChallenge>();
        for (var i = 0; i < 4; i++)
        {
            created.Add(await CreateAsync(ForUser(user, after: TimeSpan.FromSeconds(i))));
        }

        var pending = await Store.FindPendingAsync(user, "push", "device-1", Now + TimeSpan.FromSeconds(5), 2);

        Assert.That(pending.Select(p => p.Id), Is.EqualTo(created.Take(2).Select(c => c.Id)));
    }

    [Test]
    public async Task FindPendingAsync_NoneOrUnstorableText_Empty()
    {
        Assert.That(await Store.FindPendingAsync(NewId("user"), "push", "device-1", Now, 10), Is.Empty);
        Assert.That(await Store.FindPendingAsync("bad\0user", "push", "device-1", Now, 10), Is.Empty);
    }

    [Test]
    public async Task TryAnswerAsync_RacingAnswers_ExactlyOneRecordedAndItIsTheOneStored()
    {
        var challenge = await CreateAsync();
        var next = 0;

        var results = await RaceAsync(store => store.TryAnswerAsync(challenge.Id, "totp", new[] { (byte)Interlocked.Increment(ref next) }, Now));

        var winners = results.Where(r => r is not null).ToList();
        Assert.That(winners, Has.Count.EqualTo(1));
        Assert.That((await Store.FindAsync(challenge.Id))!.Answer!.Value.ToArray(), Is.EqualTo(winners[0]!.Answer!.Value.ToArray()));
    }

    [Test]
    public async Task TryAnswerAsync_RacingConsume_OneConsumeAndAtMostOneAnswerThatPrecededIt()
    {
        var challenge = await CreateAsync();
        var turn = 0;

        var results = await RaceAsync(store => Interlocked.Increment(ref turn) % 2 == 0
            ? store.TryConsumeAsync(challenge.Id, challenge.Binding, Now)
            : store.TryAnswerAsync(challenge.Id, "totp", new byte[] { 1 }, Now));

        var consumes = results.Count(r => r is { Consumed: true });
        var answers = results.Count(r => r is { Consumed: false });
        var final = await Store.FindAsync(challenge.Id);
        Assert.That(consumes, Is.EqualTo(1));
        Assert.That(answers, Is.LessThanOrEqualTo(1));
        Assert.That(final!.Consumed, Is.True);
        Assert.That(final.Answer.HasValue, Is.EqualTo(answers == 1));
    }

    // --- sweep --------------------------------------------------------------------------------------------

    [Test]
    public async Task SweepExpiredAsync_MixedChallenges_DeletesOnlyTheExpired()
    {
        var expired = await CreateAsync(NewChallenge() with { ExpiresAt = Now + TimeSpan.FromSeconds(10) });
        var expiredConsumed = await CreateAsync(NewChallenge() with { ExpiresAt = Now + TimeSpan.FromSeconds(20) });
        await Store.TryConsumeAsync(expiredConsumed.Id, expiredConsumed.Binding, Now);
        var live = await CreateAsync(NewChallenge() with { ExpiresAt = Now + TimeSpan.FromMinutes(5) });
        Time.Advance(TimeSpan.FromMinutes(1));

        var swept = await Store.SweepExpiredAsync(Now);

        Assert.That(swept, Is.EqualTo(2));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Store.FindAsync(expired.Id), Is.Null);
            Assert.That(await Store.FindAsync(expiredConsumed.Id), Is.Null);
        }

        await AssertStillConsumableAsync(live);
    }

    [Test]
    public async Task SweepExpiredAsync_ConsumedButNotExpired_KeepsIt()
    {
        // A consumed challenge stays findable until it expires, so a second attempt is told "already used".
        var challenge = await CreateAsync();
        await Store.TryConsumeAsync(challenge.Id, challenge.Binding, Now);

        var swept = await Store.SweepExpiredAsync(Now + TimeSpan.FromSeconds(1));

        Assert.That(swept, Is.Zero);
        AssertSameChallenge(await Store.FindAsync(challenge.Id), challenge, consumed: true);
    }

    [Test]
    public async Task SweepExpiredAsync_NothingExpired_ReturnsZero()
    {
        await CreateAsync();
        Assert.That(await Store.SweepExpiredAsync(Now), Is.Zero);
    }

    [Test]
    public async Task SweepExpiredAsync_Twice_SecondDeletesNothing()
    {
        await CreateAsync();
        Time.Advance(TimeSpan.FromHours(1));
        await Store.SweepExpiredAsync(Now);
        Assert.That(await Peer.SweepExpiredAsync(Now), Is.Zero);
    }

    [Test]
    public async Task Lookups_UnstorableStrings_FindNothingAndChangeNothing()
    {
        var challenge = await CreateAsync();
        foreach (var text in Unstorable)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(await Store.FindAsync(text), Is.Null);
                Assert.That(await Store.TryConsumeAsync(text, challenge.Binding, Now), Is.Null);
                Assert.That(await Store.TryConsumeAsync(challenge.Id, challenge.Binding with { UserId = text }, Now), Is.Null);
                Assert.That(await Store.TryConsumeAsync(challenge.Id, challenge.Binding with { AuthenticatorId = text }, Now), Is.Null);
                Assert.That(await Store.TryAnswerAsync(text, "totp", new byte[] { 1 }, Now), Is.Null);
                Assert.That(await Store.TryAnswerAsync(challenge.Id, text, new byte[] { 1 }, Now), Is.Null);
            }
        }

        await AssertStillConsumableAsync(challenge);
    }
}
