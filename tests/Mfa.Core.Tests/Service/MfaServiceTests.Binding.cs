using Mfa.Core.Diagnostics;
using Mfa.Core.Storage;
using Mfa.Core.Tests.Fakes;
using Mfa.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mfa.Core.Tests.Service;

/// <summary>Every pending challenge is bound to the user, factor, authenticator and purpose it was begun for.</summary>
public sealed partial class MfaServiceTests
{
    private static MfaPurpose PasswordChange => MfaPurpose.StepUp("password-change");

    [Test]
    public async Task CompleteChallengeAsync_OtherUser_ChallengeMismatch()
    {
        await _mfa.EnrollAsync(Alice);
        await _mfa.EnrollAsync(Bob);
        var (id, code) = await _mfa.BeginAsync(Alice);

        var result = await _mfa.CompleteAsync(Bob, id, code);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
        Assert.That(result.Proves(Bob.Id, MfaPurpose.SignIn), Is.False);
        Assert.That(_mfa.Factor.ChallengeCompletions, Is.Zero);
    }

    [Test]
    public async Task CompleteChallengeAsync_OtherUserFirst_RightfulUserStillSucceeds()
    {
        await _mfa.EnrollAsync(Alice);
        await _mfa.EnrollAsync(Bob);
        var (id, code) = await _mfa.BeginAsync(Alice);
        await _mfa.CompleteAsync(Bob, id, code);

        var result = await _mfa.CompleteAsync(Alice, id, code);

        Assert.That(result.Proves(Alice.Id, MfaPurpose.SignIn), Is.True);
    }

    [Test]
    public async Task CompleteChallengeAsync_OtherFactor_MismatchAndStillConsumable()
    {
        await _mfa.EnrollAsync(Alice);
        await _mfa.EnrollAsync(Alice, kind: MfaHarness.OtherKind);
        var (id, code) = await _mfa.BeginAsync(Alice);

        var other = await _mfa.CompleteAsync(Alice, id, code, kind: MfaHarness.OtherKind);
        var own = await _mfa.CompleteAsync(Alice, id, code);

        Assert.That(other.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
        Assert.That(_mfa.Other.ChallengeCompletions, Is.Zero);
        Assert.That(own.Succeeded, Is.True);
    }

    [Test]
    public async Task CompleteChallengeAsync_StepUpCompletedAsSignIn_MismatchAndStillConsumable()
    {
        await _mfa.EnrollAsync(Alice);
        var (id, code) = await _mfa.BeginAsync(Alice, PasswordChange);

        var asSignIn = await _mfa.CompleteAsync(Alice, id, code, MfaPurpose.SignIn);
        var asStepUp = await _mfa.CompleteAsync(Alice, id, code, PasswordChange);

        Assert.That(asSignIn.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
        Assert.That(asStepUp.Proves(Alice.Id, PasswordChange), Is.True);
    }

    [Test]
    public async Task CompleteChallengeAsync_SignInCompletedAsStepUp_ChallengeMismatch()
    {
        await _mfa.EnrollAsync(Alice);
        var (id, code) = await _mfa.BeginAsync(Alice);

        var result = await _mfa.CompleteAsync(Alice, id, code, PasswordChange);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
    }

    [Test]
    public async Task CompleteChallengeAsync_OtherStepUpAction_ChallengeMismatch()
    {
        await _mfa.EnrollAsync(Alice);
        var (id, code) = await _mfa.BeginAsync(Alice, PasswordChange);

        var result = await _mfa.CompleteAsync(Alice, id, code, MfaPurpose.StepUp("delete-account"));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
    }

    [Test]
    public async Task CompleteChallengeAsync_BoundAuthenticatorAnsweredWithAnother_VerifierOnlySeesTheBoundOne()
    {
        var bound = await _mfa.EnrollAsync(Alice, "Bound");
        var other = await _mfa.EnrollAsync(Alice, "Other");
        var (id, code) = await _mfa.BeginAsync(Alice, authenticatorId: bound);

        var result = await _mfa.CompleteAsync(Alice, id, code, authenticatorId: other);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UnknownAuthenticator));
        Assert.That(result.Succeeded, Is.False);
    }

    [Test]
    public async Task CompleteChallengeAsync_FactorAnswersBoundChallengeWithAnotherOfTheUsersAuthenticators_UnknownAuthenticator()
    {
        var bound = await _mfa.EnrollAsync(Alice, "Bound");
        var other = await _mfa.EnrollAsync(Alice, "Other");
        _mfa.Factor.AnswerWith = await _mfa.Get<IAuthenticatorStore>().FindByIdAsync(other);
        var (id, code) = await _mfa.BeginAsync(Alice, authenticatorId: bound);

        var result = await _mfa.CompleteAsync(Alice, id, code);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UnknownAuthenticator));
        Assert.That(result.AuthenticatorId, Is.Null);
    }

    [Test]
    public async Task CompleteChallengeAsync_BoundAuthenticator_SucceedsWithIt()
    {
        await _mfa.EnrollAsync(Alice, "First");
        var bound = await _mfa.EnrollAsync(Alice, "Bound");
        var (id, code) = await _mfa.BeginAsync(Alice, authenticatorId: bound);

        var result = await _mfa.CompleteAsync(Alice, id, code);

        Assert.That(result.AuthenticatorId, Is.EqualTo(bound));
    }

    [Test]
    public async Task CompleteChallengeAsync_Twice_SecondIsChallengeAlreadyUsed()
    {
        await _mfa.EnrollAsync(Alice);
        var (id, code) = await _mfa.BeginAsync(Alice);
        await _mfa.CompleteAsync(Alice, id, code);

        var second = await _mfa.CompleteAsync(Alice, id, code);

        Assert.That(second.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
        Assert.That(_mfa.Factor.ChallengeCompletions, Is.EqualTo(1));
    }

    [Test]
    public async Task CompleteChallengeAsync_ConcurrentCompletions_ExactlyOneSucceeds()
    {
        await _mfa.EnrollAsync(Alice);
        var (id, code) = await _mfa.BeginAsync(Alice);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => _mfa.CompleteAsync(Alice, id, code))));

        Assert.That(results.Count(r => r.Succeeded), Is.EqualTo(1));
        Assert.That(_mfa.Factor.ChallengeCompletions, Is.EqualTo(1));
    }

    [Test]
    public async Task CompleteChallengeAsync_AtChallengeLifetime_Expired()
    {
        await _mfa.EnrollAsync(Alice);
        var (id, code) = await _mfa.BeginAsync(Alice);
        _mfa.Time.Advance(TimeSpan.FromMinutes(2));

        var result = await _mfa.CompleteAsync(Alice, id, code);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.Expired));
        Assert.That(_mfa.Factor.ChallengeCompletions, Is.Zero);
    }

    [Test]
    public async Task CompleteChallengeAsync_JustBeforeChallengeLifetime_Succeeds()
    {
        await _mfa.EnrollAsync(Alice);
        var (id, code) = await _mfa.BeginAsync(Alice);
        _mfa.Time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromTicks(1));

        var result = await _mfa.CompleteAsync(Alice, id, code);

        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public async Task CompleteChallengeAsync_ConfiguredLifetime_ExpiresThen()
    {
        Use(o => o.ChallengeLifetime = TimeSpan.FromSeconds(30));
        await _mfa.EnrollAsync(Alice);
        var (id, code) = await _mfa.BeginAsync(Alice);
        _mfa.Time.Advance(TimeSpan.FromSeconds(30));

        var result = await _mfa.CompleteAsync(Alice, id, code);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.Expired));
    }

    [Test]
    public async Task CompleteChallengeAsync_UnknownId_ChallengeNotFound()
    {
        await _mfa.EnrollAsync(Alice);

        var result = await _mfa.CompleteAsync(Alice, "AAAAAAAAAAAAAAAAAAAAAA", CodeFactor.NewCode());

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeNotFound));
        Assert.That(_mfa.Factor.ChallengeCompletions, Is.Zero);
    }

    [TestCase("")]
    [TestCase("not an id\r\nMFA challenge forged succeeded")]
    public async Task CompleteChallengeAsync_MalformedId_ChallengeNotFound(string challengeId)
    {
        await _mfa.EnrollAsync(Alice);

        var result = await _mfa.CompleteAsync(Alice, challengeId, CodeFactor.NewCode());

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeNotFound));
    }

    [Test]
    public async Task CompleteChallengeAsync_HugeId_ChallengeNotFoundAndNotEchoedInLogs()
    {
        await _mfa.EnrollAsync(Alice);
        var huge = new string('A', 1_000_000);

        var result = await _mfa.CompleteAsync(Alice, huge, CodeFactor.NewCode());

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeNotFound));
        Assert.That(_mfa.Logs.Entries.SelectMany(e => e.Texts()).Max(t => t.Length), Is.LessThan(1_000));
    }

    [Test]
    public async Task CompleteEnrollmentAsync_HugeId_ChallengeNotFoundAndNotEchoedInLogs()
    {
        var huge = new string('A', 1_000_000);

        var result = await Service.CompleteEnrollmentAsync(Alice, huge, new CodeEnrollmentResponse(CodeFactor.DefaultKind, CodeFactor.NewCode()));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeNotFound));
        Assert.That(_mfa.Logs.Entries.SelectMany(e => e.Texts()).Max(t => t.Length), Is.LessThan(1_000));
    }

    [Test]
    public async Task CompleteChallengeAsync_EnrollmentIdCompletedAsChallenge_ChallengeMismatch()
    {
        await _mfa.EnrollAsync(Alice);
        var enrollment = await Service.BeginEnrollmentAsync(Alice.JustVerified(_mfa.Time), new CodeEnrollmentRequest(CodeFactor.DefaultKind));

        var result = await _mfa.CompleteAsync(Alice, enrollment.EnrollmentId!, CodeOf(enrollment), MfaPurpose.Enrollment);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
        Assert.That(_mfa.Factor.ChallengeCompletions, Is.Zero);
    }

    [Test]
    public async Task CompleteEnrollmentAsync_ChallengeIdCompletedAsEnrollment_ChallengeMismatch()
    {
        await _mfa.EnrollAsync(Alice);
        var (id, code) = await _mfa.BeginAsync(Alice, MfaPurpose.Enrollment);

        var result = await Service.CompleteEnrollmentAsync(Alice, id, new CodeEnrollmentResponse(CodeFactor.DefaultKind, code));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
        Assert.That(_mfa.Factor.EnrollmentCompletions, Is.EqualTo(1), "only the setup enrollment reached the verifier");
    }

    [Test]
    public async Task CompleteChallengeAsync_EnrollmentPurposeChallenge_ProvesEnrollmentOnly()
    {
        await _mfa.EnrollAsync(Alice);
        var (id, code) = await _mfa.BeginAsync(Alice, MfaPurpose.Enrollment);

        var result = await _mfa.CompleteAsync(Alice, id, code, MfaPurpose.Enrollment);

        Assert.That(result.Proves(Alice.Id, MfaPurpose.Enrollment), Is.True);
        Assert.That(result.Proves(Alice.Id, MfaPurpose.SignIn), Is.False);
    }

    [Test]
    public async Task CompleteChallengeAsync_StoreThrowsWhileConsuming_FailsClosedAndBurnsNothing()
    {
        var store = new ThrowingChallengeStore();
        Use(services: s => s.Replace(ServiceDescriptor.Singleton<IChallengeStore>(store)));
        await _mfa.EnrollAsync(Alice);
        var (id, code) = await _mfa.BeginAsync(Alice);
        store.ConsumeFault = new InvalidOperationException("store down");

        Assert.That(async () => await _mfa.CompleteAsync(Alice, id, code), Throws.InvalidOperationException.With.Message.EqualTo("store down"));
        Assert.That(_mfa.Factor.ChallengeCompletions, Is.Zero);

        store.ConsumeFault = null;
        var afterRecovery = await _mfa.CompleteAsync(Alice, id, code);
        Assert.That(afterRecovery.Succeeded, Is.True);
    }

    [Test]
    public async Task CompleteChallengeAsync_StoreThrowsWhileConsuming_RecordsNoSuccess()
    {
        var store = new ThrowingChallengeStore();
        Use(services: s => s.Replace(ServiceDescriptor.Singleton<IChallengeStore>(store)));
        var authenticator = await _mfa.EnrollAsync(Alice);
        var (id, code) = await _mfa.BeginAsync(Alice);
        store.ConsumeFault = new TimeoutException();

        Assert.That(async () => await _mfa.CompleteAsync(Alice, id, code), Throws.TypeOf<TimeoutException>());

        var listed = await Service.ListAuthenticatorsAsync(Alice.Id);
        Assert.That(listed.Single(a => a.Id == authenticator).LastUsedAt, Is.Null);
        Assert.That(_mfa.Logs.EventIds, Does.Not.Contain(MfaEventIds.ChallengeSucceeded));
    }
}
