using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Core.Tests.Fakes;

namespace Mfa.Core.Tests.Service;

/// <summary>
/// Out-of-band challenges (push, Duo): begun → answered (once, atomically) → consumed by the first terminal completion;
/// polls consume nothing and count no attempt.
/// </summary>
[TestFixture]
public sealed class MfaServiceOutOfBandTests
{
    private static MfaUser Alice => MfaHarness.Alice;
    private static MfaUser Bob => MfaHarness.Bob;
    private MfaHarness _mfa = null!;

    private IMfaService Service => _mfa.Service;

    [SetUp]
    public void SetUp() => _mfa = new MfaHarness();

    [TearDown]
    public void TearDown() => _mfa.Dispose();

    [Test]
    public async Task BeginChallengeAsync_OutOfBand_PromptTypedByRequestWithPollInterval()
    {
        await _mfa.EnrollDeviceAsync(Alice);

        var start = await Service.BeginChallengeAsync(Alice, new ApprovalChallengeRequest(MfaPurpose.SignIn));

        Assert.That(start.Succeeded, Is.True);
        Assert.That(start.Prompt!.Nonce.Length, Is.EqualTo(16));
        Assert.That(start.Prompt.PollInterval, Is.EqualTo(ApprovalFactor.PollInterval));
    }

    [Test]
    public async Task CompleteChallengeAsync_NoAnswerYet_PendingWithPollIntervalNothingConsumed()
    {
        await _mfa.EnrollDeviceAsync(Alice);
        var (id, _) = await _mfa.BeginApprovalAsync(Alice);

        var poll = await _mfa.PollAsync(Alice, id);

        Assert.That(poll.IsPending, Is.True);
        Assert.That(poll.Succeeded, Is.False);
        Assert.That(poll.FailureReason, Is.EqualTo(MfaFailureReason.None));
        Assert.That(poll.PollInterval, Is.EqualTo(ApprovalFactor.PollInterval));
        var stored = await _mfa.Get<IChallengeStore>().FindAsync(id);
        Assert.That(stored!.StateAt(_mfa.Time.GetUtcNow()), Is.EqualTo(PendingChallengeState.Begun));
    }

    [Test]
    public async Task CompleteChallengeAsync_ManyPolls_CountNoAttemptAndDoNotLockOut()
    {
        await _mfa.EnrollDeviceAsync(Alice);
        var (id, nonce) = await _mfa.BeginApprovalAsync(Alice);
        var device = (await Service.ListAuthenticatorsAsync(Alice.Id))[0].Id;

        for (var i = 0; i < 20; i++)
        {
            Assert.That((await _mfa.PollAsync(Alice, id)).IsPending, Is.True);
        }

        await Service.AnswerChallengeAsync(id, new ApprovalAnswer(nonce, device, ChallengeAnswerOutcome.Approved));
        var done = await _mfa.PollAsync(Alice, id);
        Assert.That(done.Proves(Alice.Id, MfaPurpose.SignIn), Is.True, done.Message);
        Assert.That((await Service.GetStatusAsync(Alice)).IsLockedOut, Is.False);
    }

    [Test]
    public async Task CompleteChallengeAsync_FactorReportsBypass_SucceededAndBypassed()
    {
        _mfa.Approval.ReportBypass = true;
        var device = await _mfa.EnrollDeviceAsync(Alice);
        var (id, nonce) = await _mfa.BeginApprovalAsync(Alice);
        await Service.AnswerChallengeAsync(id, new ApprovalAnswer(nonce, device, ChallengeAnswerOutcome.Approved));

        var done = await _mfa.PollAsync(Alice, id);

        Assert.That(done.Succeeded, Is.True, done.Message);
        Assert.That(done.Bypassed, Is.True);
    }

    [Test]
    public async Task CompleteChallengeAsync_RealApproval_NotBypassed()
    {
        var device = await _mfa.EnrollDeviceAsync(Alice);
        var (id, nonce) = await _mfa.BeginApprovalAsync(Alice);
        await Service.AnswerChallengeAsync(id, new ApprovalAnswer(nonce, device, ChallengeAnswerOutcome.Approved));

        var done = await _mfa.PollAsync(Alice, id);

        Assert.That(done.Succeeded, Is.True, done.Message);
        Assert.That(done.Bypassed, Is.False);
    }

    [Test]
    public async Task CompleteChallengeAsync_DeniedWhileFactorReportsBypass_NotBypassed()
    {
        _mfa.Approval.ReportBypass = true;
        var device = await _mfa.EnrollDeviceAsync(Alice);
        var (id, nonce) = await _mfa.BeginApprovalAsync(Alice);
        await Service.AnswerChallengeAsync(id, new ApprovalAnswer(nonce, device, ChallengeAnswerOutcome.Denied));

        var done = await _mfa.PollAsync(Alice, id);

        Assert.That(done.Succeeded, Is.False);
        Assert.That(done.Bypassed, Is.False, "only a success can be a bypass");
    }

    [Test]
    public async Task AnswerChallengeAsync_Approved_RecordedThenCompletionSucceedsOnce()
    {
        var device = await _mfa.EnrollDeviceAsync(Alice);
        var (id, nonce) = await _mfa.BeginApprovalAsync(Alice);

        var answered = await Service.AnswerChallengeAsync(id, new ApprovalAnswer(nonce, device, ChallengeAnswerOutcome.Approved));
        var first = await _mfa.PollAsync(Alice, id);
        var second = await _mfa.PollAsync(Alice, id);

        Assert.That(answered.Succeeded, Is.True);
        Assert.That(answered.Outcome, Is.EqualTo(ChallengeAnswerOutcome.Approved));
        Assert.That(first.Succeeded, Is.True);
        Assert.That(first.AuthenticatorId, Is.EqualTo(device));
        Assert.That(second.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
    }

    [Test]
    public async Task AnswerChallengeAsync_SecondAnswer_AlreadyAnsweredAndFirstStands()
    {
        var device = await _mfa.EnrollDeviceAsync(Alice);
        var (id, nonce) = await _mfa.BeginApprovalAsync(Alice);
        await Service.AnswerChallengeAsync(id, new ApprovalAnswer(nonce, device, ChallengeAnswerOutcome.Denied));

        var second = await Service.AnswerChallengeAsync(id, new ApprovalAnswer(nonce, device, ChallengeAnswerOutcome.Approved));
        var done = await _mfa.PollAsync(Alice, id);

        Assert.That(second.FailureReason, Is.EqualTo(MfaFailureReason.AlreadyAnswered));
        Assert.That(done.FailureReason, Is.EqualTo(MfaFailureReason.Denied));
    }

    [Test]
    public async Task AnswerChallengeAsync_ForgedAnswer_RefusedAndNothingRecorded()
    {
        var device = await _mfa.EnrollDeviceAsync(Alice);
        var (id, _) = await _mfa.BeginApprovalAsync(Alice);

        var forged = await Service.AnswerChallengeAsync(id, new ApprovalAnswer(new byte[16], device, ChallengeAnswerOutcome.Approved));

        Assert.That(forged.FailureReason, Is.EqualTo(MfaFailureReason.InvalidSignature));
        Assert.That((await _mfa.PollAsync(Alice, id)).IsPending, Is.True);
    }

    [Test]
    public async Task AnswerChallengeAsync_AnotherUsersDevice_RefusedAndNothingRecorded()
    {
        await _mfa.EnrollDeviceAsync(Alice);
        var bobs = await _mfa.EnrollDeviceAsync(Bob);
        var (id, nonce) = await _mfa.BeginApprovalAsync(Alice);

        var answer = await Service.AnswerChallengeAsync(id, new ApprovalAnswer(nonce, bobs, ChallengeAnswerOutcome.Approved));

        Assert.That(answer.FailureReason, Is.EqualTo(MfaFailureReason.UnknownAuthenticator));
        Assert.That((await _mfa.PollAsync(Alice, id)).IsPending, Is.True);
    }

    [Test]
    public async Task AnswerChallengeAsync_AfterExpiry_ExpiredAndNothingRecorded()
    {
        var device = await _mfa.EnrollDeviceAsync(Alice);
        var (id, nonce) = await _mfa.BeginApprovalAsync(Alice);
        _mfa.Time.Advance(TimeSpan.FromMinutes(3));

        var late = await Service.AnswerChallengeAsync(id, new ApprovalAnswer(nonce, device, ChallengeAnswerOutcome.Approved));
        var poll = await _mfa.PollAsync(Alice, id);

        Assert.That(late.FailureReason, Is.EqualTo(MfaFailureReason.Expired));
        Assert.That(poll.FailureReason, Is.EqualTo(MfaFailureReason.Expired));
    }

    [TestCase("AAAAAAAAAAAAAAAAAAAAAA", Description = "unknown")]
    [TestCase("not-an-id\0\ud800", Description = "malformed")]
    public async Task AnswerChallengeAsync_UnknownChallenge_ChallengeNotFound(string id)
    {
        var device = await _mfa.EnrollDeviceAsync(Alice);

        var answer = await Service.AnswerChallengeAsync(id, new ApprovalAnswer(new byte[16], device, ChallengeAnswerOutcome.Approved));

        Assert.That(answer.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeNotFound));
    }

    [Test]
    public async Task AnswerChallengeAsync_CodeFactorChallenge_WrongFactorFlow()
    {
        await _mfa.EnrollAsync(Alice);
        var (id, _) = await _mfa.BeginAsync(Alice);

        var answer = await Service.AnswerChallengeAsync(id, new CodeAnswer());

        Assert.That(answer.FailureReason, Is.EqualTo(MfaFailureReason.WrongFactorFlow));
    }

    [Test]
    public async Task CompleteChallengeAsync_Denied_DeniedAndConsumed()
    {
        var device = await _mfa.EnrollDeviceAsync(Alice);
        var (id, nonce) = await _mfa.BeginApprovalAsync(Alice);
        await Service.AnswerChallengeAsync(id, new ApprovalAnswer(nonce, device, ChallengeAnswerOutcome.Denied));

        var done = await _mfa.PollAsync(Alice, id);
        var again = await _mfa.PollAsync(Alice, id);

        Assert.That(done.FailureReason, Is.EqualTo(MfaFailureReason.Denied));
        Assert.That(again.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
    }

    [Test]
    public async Task AnswerChallengeAsync_FraudReported_CriticalEventAndCompletionFails()
    {
        var device = await _mfa.EnrollDeviceAsync(Alice);
        var (id, nonce) = await _mfa.BeginApprovalAsync(Alice);

        await Service.AnswerChallengeAsync(id, new ApprovalAnswer(nonce, device, ChallengeAnswerOutcome.FraudReported));
        var done = await _mfa.PollAsync(Alice, id);

        Assert.That(done.FailureReason, Is.EqualTo(MfaFailureReason.FraudReported));
        Assert.That(_mfa.Logs.Entries.Any(e => e.EventId.Id == Mfa.Core.Diagnostics.MfaEventIds.FraudReported && e.Level == Microsoft.Extensions.Logging.LogLevel.Critical), Is.True);
    }

    [Test]
    public async Task CompleteChallengeAsync_OtherUsersOutOfBandChallenge_MismatchAndNotConsumed()
    {
        var device = await _mfa.EnrollDeviceAsync(Alice);
        await _mfa.EnrollDeviceAsync(Bob);
        var (id, nonce) = await _mfa.BeginApprovalAsync(Alice);
        await Service.AnswerChallengeAsync(id, new ApprovalAnswer(nonce, device, ChallengeAnswerOutcome.Approved));

        var bobs = await _mfa.PollAsync(Bob, id);
        var alices = await _mfa.PollAsync(Alice, id);

        Assert.That(bobs.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
        Assert.That(alices.Succeeded, Is.True);
    }

    [Test]
    public async Task CompleteChallengeAsync_OtherPurpose_MismatchAndNotConsumed()
    {
        var device = await _mfa.EnrollDeviceAsync(Alice);
        var (id, nonce) = await _mfa.BeginApprovalAsync(Alice, MfaPurpose.StepUp("change-password"));
        await Service.AnswerChallengeAsync(id, new ApprovalAnswer(nonce, device, ChallengeAnswerOutcome.Approved));

        var wrong = await _mfa.PollAsync(Alice, id, MfaPurpose.SignIn);
        var right = await _mfa.PollAsync(Alice, id, MfaPurpose.StepUp("change-password"));

        Assert.That(wrong.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
        Assert.That(right.Proves(Alice.Id, MfaPurpose.StepUp("change-password")), Is.True);
    }

    [Test]
    public async Task AnswerChallengeAsync_32ConcurrentAnswers_ExactlyOneRecorded()
    {
        var device = await _mfa.EnrollDeviceAsync(Alice);
        var (id, nonce) = await _mfa.BeginApprovalAsync(Alice);

        var answers = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() =>
            Service.AnswerChallengeAsync(id, new ApprovalAnswer(nonce, device, i % 2 == 0 ? ChallengeAnswerOutcome.Approved : ChallengeAnswerOutcome.Denied)))));

        Assert.That(answers.Count(a => a.Succeeded), Is.EqualTo(1));
        Assert.That(answers.Where(a => !a.Succeeded).Select(a => a.FailureReason), Has.All.EqualTo(MfaFailureReason.AlreadyAnswered));
    }

    [Test]
    public async Task CompleteChallengeAsync_32ConcurrentPollsAfterApproval_ExactlyOneSuccess()
    {
        var device = await _mfa.EnrollDeviceAsync(Alice);
        var (id, nonce) = await _mfa.BeginApprovalAsync(Alice);
        await Service.AnswerChallengeAsync(id, new ApprovalAnswer(nonce, device, ChallengeAnswerOutcome.Approved));

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => _mfa.PollAsync(Alice, id))));

        Assert.That(results.Count(r => r.Succeeded), Is.EqualTo(1));
        Assert.That(results.Where(r => !r.Succeeded).Select(r => r.FailureReason), Has.All.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
    }

    [Test]
    public async Task CompleteChallengeAsync_UserLockedOut_PollRefusedWithoutReachingTheFactor()
    {
        await _mfa.EnrollAsync(Alice);
        await _mfa.EnrollDeviceAsync(Alice);
        var (id, _) = await _mfa.BeginApprovalAsync(Alice);
        for (var i = 0; i < 5; i++)
        {
            await _mfa.FailAsync(Alice);
        }

        var before = _mfa.Approval.Completions;
        var poll = await _mfa.PollAsync(Alice, id);

        Assert.That(poll.FailureReason, Is.EqualTo(MfaFailureReason.LockedOut));
        Assert.That(_mfa.Approval.Completions, Is.EqualTo(before));
    }
}
