using Mfa.Core;
using Mfa.Core.Storage;

namespace Mfa.Specification.Storage;

/// <summary>
/// The contract of <see cref="ISignInStore"/>: what its batched steps do is what the single-purpose stores guarantee one
/// call at a time. A challenge is consumed at most once, and only by an admitted attempt; a throttled attempt counts
/// nothing; attempt counts stay exact under races; the replay guard only moves forward, to the earliest matched step
/// later than the last accepted one; a refused write-back writes nothing.
/// </summary>
public abstract class SignInStoreSpecification : StoreSpecification<SignInTestStores>
{
    private const string Kind = "totp";
    private const string Purpose = "sign-in";
    private const int MaxFailures = 5;
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(15);

    private static SignInCounterKeys Keys(string userId) => new("user:" + userId, "authenticator:");

    private SignInAttempt Attempt(string challengeId, string userId, string purpose = Purpose, int maxFailures = MaxFailures) =>
        new(challengeId, userId, Kind, purpose, Now, Keys(userId), maxFailures, s_window);

    private async Task<string> BeginAsync(string userId, string? authenticatorId = null, TimeSpan? lifetime = null)
    {
        var id = NewId("challenge");
        await Store.Challenges.CreateAsync(new PendingChallenge
        {
            Id = id,
            Binding = new ChallengeBinding(userId, Kind, authenticatorId, Purpose),
            CreatedAt = Now,
            ExpiresAt = Now + (lifetime ?? TimeSpan.FromMinutes(5)),
            State = new byte[] { 1, 2, 3 },
        });
        return id;
    }

    private async Task<AuthenticatorRecord> EnrollAsync(string userId, string kind = Kind)
    {
        var stored = await Store.Authenticators.TryCreateAsync(new AuthenticatorRecord
        {
            Id = NewId("auth"),
            UserId = userId,
            Kind = kind,
            Name = "Phone",
            Data = "{\"n\":0}",
            CreatedAt = Now,
        });
        Assert.That(stored, Is.Not.Null);
        Time.Advance(TimeSpan.FromMilliseconds(1));
        return stored!;
    }

    private SignInSuccess Success(AuthenticatorRecord record, string? data = null, params long[] steps) =>
        new(record, data, steps, Now, ["user:" + record.UserId, "authenticator:" + record.Id]);

    // --- ReadCandidatesAsync -----------------------------------------------------------------------------

    [Test]
    public async Task ReadCandidatesAsync_UnknownUser_ReturnsNothing()
    {
        var read = await Store.SignIn.ReadCandidatesAsync(NewId("user"), Kind, Keys("nobody"));

        Assert.That(read.Authenticators, Is.Empty);
        Assert.That(read.UserCounter.Count, Is.Zero);
    }

    [Test]
    public async Task ReadCandidatesAsync_AuthenticatorsOfTheKind_OldestFirstWithTheirFailures()
    {
        var user = NewId("user");
        var first = await EnrollAsync(user);
        await EnrollAsync(user, kind: "webauthn");
        var second = await EnrollAsync(user);
        await Store.Counters.IncrementAsync("authenticator:" + second.Id, Now, window: null);
        await Store.Counters.IncrementAsync("authenticator:" + second.Id, Now, window: null);
        await Store.Counters.IncrementAsync("user:" + user, Now, s_window);

        var read = await Store.SignIn.ReadCandidatesAsync(user, Kind, Keys(user));

        Assert.That(read.Authenticators.Select(c => (c.Record.Id, c.ConsecutiveFailures)), Is.EqualTo(new[] { (first.Id, 0), (second.Id, 2) }));
        Assert.That(read.UserCounter.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task ReadCandidatesAsync_UnstorableUser_ReturnsNothing()
    {
        foreach (var user in Unstorable)
        {
            Assert.That((await Store.SignIn.ReadCandidatesAsync(user, Kind, Keys(user))).Authenticators, Is.Empty);
        }
    }

    // --- AdmitAndConsumeAsync ----------------------------------------------------------------------------

    [Test]
    public async Task AdmitAndConsumeAsync_ValidAttempt_CountsConsumesAndReturnsCandidates()
    {
        var user = NewId("user");
        var record = await EnrollAsync(user);
        var id = await BeginAsync(user);

        var admission = await Store.SignIn.AdmitAndConsumeAsync(Attempt(id, user));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(admission.Admitted, Is.True);
            Assert.That(admission.UserCounter.Count, Is.EqualTo(1));
            Assert.That(admission.Consumed?.Id, Is.EqualTo(id));
            Assert.That(admission.Consumed?.State.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
            Assert.That(admission.Authenticators.Select(c => c.Record.Id), Is.EqualTo(new[] { record.Id }));
            Assert.That((await Store.Challenges.FindAsync(id))!.Consumed, Is.True);
            Assert.That((await Store.Counters.GetAsync("user:" + user)).Count, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task AdmitAndConsumeAsync_SameChallengeRacing_ExactlyOneConsumes()
    {
        var user = NewId("user");
        await EnrollAsync(user);
        var id = await BeginAsync(user);

        var results = await RaceAsync(s => s.SignIn.AdmitAndConsumeAsync(Attempt(id, user, maxFailures: 1000)));

        Assert.That(results.Count(r => r.Consumed is not null), Is.EqualTo(1));
        Assert.That(results.Where(r => r.Consumed is null).Select(r => r.Current?.Id), Is.All.EqualTo(id));
        Assert.That((await Store.Counters.GetAsync("user:" + user)).Count, Is.EqualTo(RaceWidth), "every attempt is counted");
    }

    [Test]
    public async Task AdmitAndConsumeAsync_AttemptsRacingPastTheLimit_AdmitsExactlyTheLimit()
    {
        var user = NewId("user");
        var challenges = new List<string>();
        for (var i = 0; i < RaceWidth; i++)
        {
            challenges.Add(await BeginAsync(user));
        }

        var next = -1;
        var results = await RaceAsync(s => s.SignIn.AdmitAndConsumeAsync(Attempt(challenges[Interlocked.Increment(ref next)], user)));

        Assert.That(results.Count(r => r.Admitted), Is.EqualTo(MaxFailures));
        Assert.That(results.Count(r => r.Consumed is not null), Is.EqualTo(MaxFailures), "a refused attempt burns no challenge");
        Assert.That((await Store.Counters.GetAsync("user:" + user)).Count, Is.EqualTo(MaxFailures), "a refused attempt is not counted");
    }

    [Test]
    public async Task AdmitAndConsumeAsync_ThrottledUser_CountsNothingAndConsumesNothing()
    {
        var user = NewId("user");
        var id = await BeginAsync(user);
        for (var i = 0; i < MaxFailures; i++)
        {
            await Store.Counters.IncrementAsync("user:" + user, Now, s_window);
        }

        var admission = await Store.SignIn.AdmitAndConsumeAsync(Attempt(id, user));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(admission.Admitted, Is.False);
            Assert.That(admission.UserCounter.Count, Is.EqualTo(MaxFailures));
            Assert.That(admission.UserCounter.WindowStart, Is.EqualTo(Now));
            Assert.That(admission.Consumed, Is.Null);
            Assert.That((await Store.Challenges.FindAsync(id))!.Consumed, Is.False);
            Assert.That((await Store.Counters.GetAsync("user:" + user)).Count, Is.EqualTo(MaxFailures));
        }
    }

    [Test]
    public async Task AdmitAndConsumeAsync_ThrottleWindowEnded_AdmitsAndRestartsTheCount()
    {
        var user = NewId("user");
        for (var i = 0; i < MaxFailures; i++)
        {
            await Store.Counters.IncrementAsync("user:" + user, Now, s_window);
        }

        Time.Advance(s_window);
        var id = await BeginAsync(user);

        var admission = await Store.SignIn.AdmitAndConsumeAsync(Attempt(id, user));

        Assert.That(admission.Admitted, Is.True);
        Assert.That(admission.UserCounter, Is.EqualTo(new AttemptCounter(1, Now)));
        Assert.That(admission.Consumed?.Id, Is.EqualTo(id));
    }

    [Test]
    public async Task AdmitAndConsumeAsync_OtherPurpose_ConsumesNothingAndReturnsTheChallenge()
    {
        var user = NewId("user");
        var id = await BeginAsync(user);

        var admission = await Store.SignIn.AdmitAndConsumeAsync(Attempt(id, user, purpose: "step-up"));

        Assert.That(admission.Admitted, Is.True);
        Assert.That(admission.Consumed, Is.Null);
        Assert.That(admission.Current?.Binding.Purpose, Is.EqualTo(Purpose));
        Assert.That((await Store.Challenges.FindAsync(id))!.Consumed, Is.False);
    }

    [Test]
    public async Task AdmitAndConsumeAsync_OtherUser_ConsumesNothing()
    {
        var user = NewId("user");
        var id = await BeginAsync(user);

        var admission = await Store.SignIn.AdmitAndConsumeAsync(Attempt(id, NewId("mallory")));

        Assert.That(admission.Consumed, Is.Null);
        Assert.That((await Store.Challenges.FindAsync(id))!.Consumed, Is.False);
    }

    [Test]
    public async Task AdmitAndConsumeAsync_Expired_ConsumesNothingAndReturnsTheChallenge()
    {
        var user = NewId("user");
        var id = await BeginAsync(user, lifetime: TimeSpan.FromMinutes(1));
        Time.Advance(TimeSpan.FromMinutes(1));

        var admission = await Store.SignIn.AdmitAndConsumeAsync(Attempt(id, user));

        Assert.That(admission.Consumed, Is.Null);
        Assert.That(admission.Current?.StateAt(Now), Is.EqualTo(PendingChallengeState.Expired));
    }

    [Test]
    public async Task AdmitAndConsumeAsync_Unknown_CountsTheAttempt()
    {
        var user = NewId("user");

        var admission = await Store.SignIn.AdmitAndConsumeAsync(Attempt(NewId("challenge"), user));

        Assert.That(admission.Admitted, Is.True);
        Assert.That(admission.Consumed, Is.Null);
        Assert.That(admission.Current, Is.Null);
        Assert.That((await Store.Counters.GetAsync("user:" + user)).Count, Is.EqualTo(1));
    }

    [Test]
    public async Task AdmitAndConsumeAsync_UnstorableChallengeId_CountsTheAttemptAndFindsNothing()
    {
        var user = NewId("user");
        foreach (var id in Unstorable)
        {
            var admission = await Store.SignIn.AdmitAndConsumeAsync(Attempt(id, user));
            Assert.That(admission.Consumed, Is.Null);
            Assert.That(admission.Current, Is.Null);
        }

        Assert.That((await Store.Counters.GetAsync("user:" + user)).Count, Is.EqualTo(Unstorable.Count));
    }

    // --- ApplySuccessAsync -------------------------------------------------------------------------------

    [Test]
    public async Task ApplySuccessAsync_Verified_AdvancesWritesLastUseAndResetsCounters()
    {
        var user = NewId("user");
        var record = await EnrollAsync(user);
        await Store.Counters.IncrementAsync("user:" + user, Now, s_window);
        await Store.Counters.IncrementAsync("authenticator:" + record.Id, Now, window: null);

        var written = await Store.SignIn.ApplySuccessAsync(Success(record, null, 100));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(written, Is.EqualTo(SignInWriteBack.Applied));
            Assert.That(await Store.ReplayGuard.GetLastStepAsync(record.Id), Is.EqualTo(100));
            Assert.That((await Store.Authenticators.FindByIdAsync(record.Id))!.LastUsedAt, Is.EqualTo(Now));
            Assert.That((await Store.Counters.GetAsync("user:" + user)).Count, Is.Zero);
            Assert.That((await Store.Counters.GetAsync("authenticator:" + record.Id)).Count, Is.Zero);
        }
    }

    [Test]
    public async Task ApplySuccessAsync_SameStepRacing_ExactlyOneApplies()
    {
        var record = await EnrollAsync(NewId("user"));

        var results = await RaceAsync(s => s.SignIn.ApplySuccessAsync(Success(record, null, 100)));

        Assert.That(results.Count(r => r == SignInWriteBack.Applied), Is.EqualTo(1));
        Assert.That(results.Where(r => r != SignInWriteBack.Applied), Is.All.EqualTo(SignInWriteBack.Replayed));
        Assert.That(await Store.ReplayGuard.GetLastStepAsync(record.Id), Is.EqualTo(100));
    }

    [Test]
    public async Task ApplySuccessAsync_CollidingSteps_TakesTheEarliestLaterThanTheLast()
    {
        // RFC 6238 §5.2 with a code matching two steps: the first use takes 100, so the same code at the next step (101)
        // is still the user's next legitimate code; a third use is a replay.
        var record = await EnrollAsync(NewId("user"));

        var first = await Store.SignIn.ApplySuccessAsync(Success(record, null, 100, 101));
        var guardAfterFirst = await Store.ReplayGuard.GetLastStepAsync(record.Id);
        var second = await Store.SignIn.ApplySuccessAsync(Success(record, null, 100, 101));
        var third = await Store.SignIn.ApplySuccessAsync(Success(record, null, 100, 101));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(SignInWriteBack.Applied));
            Assert.That(guardAfterFirst, Is.EqualTo(100));
            Assert.That(second, Is.EqualTo(SignInWriteBack.Applied));
            Assert.That(await Store.ReplayGuard.GetLastStepAsync(record.Id), Is.EqualTo(101));
            Assert.That(third, Is.EqualTo(SignInWriteBack.Replayed));
        }
    }

    [Test]
    public async Task ApplySuccessAsync_EarlierStep_ReplayedAndWritesNothing()
    {
        var user = NewId("user");
        var record = await EnrollAsync(user);
        await Store.ReplayGuard.TryAdvanceStepAsync(record.Id, 100);
        await Store.Counters.IncrementAsync("authenticator:" + record.Id, Now, window: null);

        var written = await Store.SignIn.ApplySuccessAsync(Success(record, "{\"n\":1}", 99, 100));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(written, Is.EqualTo(SignInWriteBack.Replayed));
            Assert.That(await Store.ReplayGuard.GetLastStepAsync(record.Id), Is.EqualTo(100));
            var stored = await Store.Authenticators.FindByIdAsync(record.Id);
            Assert.That(stored!.LastUsedAt, Is.Null);
            Assert.That(stored.Data, Is.EqualTo(record.Data));
            Assert.That((await Store.Counters.GetAsync("authenticator:" + record.Id)).Count, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task ApplySuccessAsync_NewData_WrittenWithTheNextVersion()
    {
        var record = await EnrollAsync(NewId("user"));

        var written = await Store.SignIn.ApplySuccessAsync(Success(record, "{\"n\":1}"));

        var stored = await Store.Authenticators.FindByIdAsync(record.Id);
        Assert.That(written, Is.EqualTo(SignInWriteBack.Applied));
        Assert.That(stored!.Data, Is.EqualTo("{\"n\":1}"));
        Assert.That(stored.Version, Is.EqualTo(record.Version + 1));
        Assert.That(stored.LastUsedAt, Is.EqualTo(Now));
    }

    [Test]
    public async Task ApplySuccessAsync_NewDataOnAStaleVersion_ConflictAndKeepsTheCounters()
    {
        var user = NewId("user");
        var record = await EnrollAsync(user);
        var changed = await Store.Authenticators.TryUpdateAsync(record with { Name = "Renamed" });
        await Store.Counters.IncrementAsync("authenticator:" + record.Id, Now, window: null);

        var written = await Store.SignIn.ApplySuccessAsync(Success(record, "{\"n\":1}"));

        var stored = await Store.Authenticators.FindByIdAsync(record.Id);
        Assert.That(written, Is.EqualTo(SignInWriteBack.Conflict));
        Assert.That(stored, Is.EqualTo(changed));
        Assert.That((await Store.Counters.GetAsync("authenticator:" + record.Id)).Count, Is.EqualTo(1));
    }

    [Test]
    public async Task ApplySuccessAsync_NewDataRacingOnOneVersion_ExactlyOneApplies()
    {
        var record = await EnrollAsync(NewId("user"));
        var next = 0;

        var results = await RaceAsync(s => s.SignIn.ApplySuccessAsync(Success(record, "{\"n\":" + Interlocked.Increment(ref next) + "}")));

        Assert.That(results.Count(r => r == SignInWriteBack.Applied), Is.EqualTo(1));
        Assert.That(results.Where(r => r != SignInWriteBack.Applied), Is.All.EqualTo(SignInWriteBack.Conflict));
        Assert.That((await Store.Authenticators.FindByIdAsync(record.Id))!.Version, Is.EqualTo(record.Version + 1));
    }

    [Test]
    public async Task ApplySuccessAsync_OnlyLastUseOnAStaleVersion_Applies()
    {
        var record = await EnrollAsync(NewId("user"));
        await Store.Authenticators.TryUpdateAsync(record with { Name = "Renamed" });

        var written = await Store.SignIn.ApplySuccessAsync(Success(record, null, 100));

        var stored = await Store.Authenticators.FindByIdAsync(record.Id);
        Assert.That(written, Is.EqualTo(SignInWriteBack.Applied));
        Assert.That(stored!.Name, Is.EqualTo("Renamed"), "a last-use write never undoes a concurrent change");
        Assert.That(stored.LastUsedAt, Is.EqualTo(Now));
    }
}
