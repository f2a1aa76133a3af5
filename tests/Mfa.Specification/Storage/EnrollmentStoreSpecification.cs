using Mfa.Core;
using Mfa.Core.Storage;

namespace Mfa.Specification.Storage;

/// <summary>
/// The contract of <see cref="IEnrollmentStore"/>: consuming the enrollment, storing the record and recording its replay step
/// happen together or not at all, and of racing completions exactly one stores.
/// </summary>
public abstract class EnrollmentStoreSpecification : StoreSpecification<EnrollmentStores>
{
    private const long Step = 59_016_600;
    private const string Purpose = "enrollment-ceremony";

    private async Task<PendingChallenge> BeginAsync(string userId, TimeSpan? lifetime = null)
    {
        var pending = new PendingChallenge
        {
            Id = NewId("enrollment"),
            Binding = new ChallengeBinding(userId, "totp", AuthenticatorId: null, Purpose),
            CreatedAt = Now,
            ExpiresAt = Now + (lifetime ?? TimeSpan.FromMinutes(10)),
            State = new byte[] { 1, 2, 3 },
        };
        await Store.Challenges.CreateAsync(pending);
        return pending;
    }

    private AuthenticatorRecord NewRecord(string userId, string? credentialId = null) => new()
    {
        Id = AuthenticatorRecord.NewId(),
        UserId = userId,
        Kind = "totp",
        Name = "Phone",
        CredentialId = credentialId,
        Data = """{"secret":"protected"}""",
        CreatedAt = Now,
    };

    [Test]
    public async Task TryCompleteAsync_UsableEnrollment_StoresConsumesAndRecordsTheStep()
    {
        var user = NewId("user");
        var pending = await BeginAsync(user);
        var record = NewRecord(user);

        var outcome = await Store.Enrollments.TryCompleteAsync(pending.Id, pending.Binding, record, Step, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome, Is.EqualTo(EnrollmentCommitOutcome.Stored));
            Assert.That((await Store.Authenticators.FindByIdAsync(record.Id))?.UserId, Is.EqualTo(user));
            Assert.That(await Store.ReplayGuard.GetLastStepAsync(record.Id), Is.EqualTo(Step));
            Assert.That((await Store.Challenges.FindAsync(pending.Id))!.Consumed, Is.True);
        }
    }

    [Test]
    public async Task TryCompleteAsync_WithoutStep_StoresWithoutAGuard()
    {
        var user = NewId("user");
        var pending = await BeginAsync(user);
        var record = NewRecord(user);

        var outcome = await Store.Enrollments.TryCompleteAsync(pending.Id, pending.Binding, record, initialReplayStep: null, Now);

        Assert.That(outcome, Is.EqualTo(EnrollmentCommitOutcome.Stored));
        Assert.That(await Store.ReplayGuard.GetLastStepAsync(record.Id), Is.Null);
    }

    [Test]
    public async Task TryCompleteAsync_AlreadyConsumed_NotUsableAndNothingWritten()
    {
        var user = NewId("user");
        var pending = await BeginAsync(user);
        await Store.Challenges.TryConsumeAsync(pending.Id, pending.Binding, Now);
        var record = NewRecord(user);

        var outcome = await Store.Enrollments.TryCompleteAsync(pending.Id, pending.Binding, record, Step, Now);

        await AssertNothingWrittenAsync(outcome, EnrollmentCommitOutcome.EnrollmentNotUsable, record);
    }

    [Test]
    public async Task TryCompleteAsync_Expired_NotUsableAndNothingWritten()
    {
        var user = NewId("user");
        var pending = await BeginAsync(user, TimeSpan.FromMinutes(1));
        Time.Advance(TimeSpan.FromMinutes(1));
        var record = NewRecord(user);

        var outcome = await Store.Enrollments.TryCompleteAsync(pending.Id, pending.Binding, record, Step, Now);

        await AssertNothingWrittenAsync(outcome, EnrollmentCommitOutcome.EnrollmentNotUsable, record);
    }

    [Test]
    public async Task TryCompleteAsync_OtherUsersBinding_NotUsableNothingWrittenAndStillUsable()
    {
        var user = NewId("user");
        var pending = await BeginAsync(user);
        var record = NewRecord(user);

        var outcome = await Store.Enrollments.TryCompleteAsync(pending.Id, pending.Binding with { UserId = NewId("user") }, record, Step, Now);

        await AssertNothingWrittenAsync(outcome, EnrollmentCommitOutcome.EnrollmentNotUsable, record);
        Assert.That((await Store.Challenges.FindAsync(pending.Id))!.Consumed, Is.False);
    }

    [Test]
    public async Task TryCompleteAsync_DuplicateCredential_DuplicateNothingWrittenAndStillUsable()
    {
        var user = NewId("user");
        var credential = NewId("credential");
        await Store.Authenticators.TryCreateAsync(NewRecord(user, credential));
        var pending = await BeginAsync(user);
        var record = NewRecord(user, credential);

        var outcome = await Store.Enrollments.TryCompleteAsync(pending.Id, pending.Binding, record, Step, Now);

        await AssertNothingWrittenAsync(outcome, EnrollmentCommitOutcome.Duplicate, record);
        Assert.That((await Store.Challenges.FindAsync(pending.Id))!.Consumed, Is.False);
    }

    [Test]
    public async Task TryCompleteAsync_Racing_ExactlyOneStores()
    {
        var user = NewId("user");
        var pending = await BeginAsync(user);

        var outcomes = await RaceAsync(stores => stores.Enrollments.TryCompleteAsync(pending.Id, pending.Binding, NewRecord(user), Step, Now));

        Assert.That(outcomes.Count(o => o == EnrollmentCommitOutcome.Stored), Is.EqualTo(1));
        Assert.That(await Store.Authenticators.ListByUserAsync(user), Has.Count.EqualTo(1));
    }

    private async Task AssertNothingWrittenAsync(EnrollmentCommitOutcome outcome, EnrollmentCommitOutcome expected, AuthenticatorRecord record)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome, Is.EqualTo(expected));
            Assert.That(await Store.Authenticators.FindByIdAsync(record.Id), Is.Null);
        }
    }
}
