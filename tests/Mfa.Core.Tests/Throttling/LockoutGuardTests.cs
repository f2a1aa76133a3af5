using Mfa.Core.Diagnostics;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Core.Tests.Fakes;
using Mfa.Testing;

namespace Mfa.Core.Tests.Throttling;

/// <summary>
/// Per-user throttling (5 failures in 5 minutes by default) and the per-authenticator hard lock after 100 consecutive
/// failures (NIST SP 800-63B §5.2.2), exercised through the service.
/// </summary>
[TestFixture]
public sealed class LockoutGuardTests
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(5);

    private MfaHarness _mfa = null!;

    private static MfaUser Alice => MfaHarness.Alice;

    private static MfaUser Bob => MfaHarness.Bob;

    private IMfaService Service => _mfa.Service;

    [SetUp]
    public void SetUp() => _mfa = new MfaHarness();

    [TearDown]
    public void TearDown() => _mfa.Dispose();

    [Test]
    public async Task CompleteChallengeAsync_FiveFailures_SixthAttemptLockedOutWithRemainingWindow()
    {
        await _mfa.EnrollAsync(Alice);
        var (id, code) = await _mfa.BeginAsync(Alice);
        await FailTimesAsync(Alice, 5);
        _mfa.Time.Advance(TimeSpan.FromMinutes(2));

        var result = await _mfa.CompleteAsync(Alice, id, code);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.LockedOut));
        Assert.That(result.RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(3)));
    }

    [Test]
    public async Task CompleteChallengeAsync_WhileLockedOut_NeverReachesTheVerifier()
    {
        await _mfa.EnrollAsync(Alice);
        var pending = new List<(string Id, string Code)>();
        for (var i = 0; i < 3; i++)
        {
            pending.Add(await _mfa.BeginAsync(Alice));
        }

        await FailTimesAsync(Alice, 5);
        var calls = _mfa.Factor.ChallengeCompletions;

        foreach (var (id, code) in pending)
        {
            Assert.That((await _mfa.CompleteAsync(Alice, id, code)).FailureReason, Is.EqualTo(MfaFailureReason.LockedOut));
        }

        Assert.That(_mfa.Factor.ChallengeCompletions, Is.EqualTo(calls));
    }

    [Test]
    public async Task CompleteChallengeAsync_LockedOutAttempt_DoesNotBurnTheChallenge()
    {
        Use(o => o.ThrottleWindow = TimeSpan.FromMinutes(1));
        await _mfa.EnrollAsync(Alice);
        var (id, code) = await _mfa.BeginAsync(Alice);
        await FailTimesAsync(Alice, 5);
        await _mfa.CompleteAsync(Alice, id, code);
        _mfa.Time.Advance(TimeSpan.FromMinutes(1));

        var result = await _mfa.CompleteAsync(Alice, id, code);

        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public async Task BeginChallengeAsync_WhileLockedOut_LockedOutWithoutReachingTheFactor()
    {
        await _mfa.EnrollAsync(Alice);
        await FailTimesAsync(Alice, 5);
        var begins = _mfa.Factor.ChallengeBegins;

        var start = await Service.BeginChallengeAsync(Alice, new ChallengeRequest(CodeFactor.DefaultKind, MfaPurpose.SignIn));

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.LockedOut));
        Assert.That(start.RetryAfter, Is.EqualTo(s_window));
        Assert.That(_mfa.Factor.ChallengeBegins, Is.EqualTo(begins));
    }

    [Test]
    public async Task CompleteChallengeAsync_FourFailures_FifthAttemptStillReachesTheVerifier()
    {
        await _mfa.EnrollAsync(Alice);
        await FailTimesAsync(Alice, 4);

        var result = await _mfa.PassAsync(Alice);

        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public async Task BeginChallengeAsync_WindowOver_AttemptsWorkAgain()
    {
        await _mfa.EnrollAsync(Alice);
        await FailTimesAsync(Alice, 5);
        _mfa.Time.Advance(s_window);

        var result = await _mfa.PassAsync(Alice);

        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public async Task CompleteChallengeAsync_WindowOver_FailuresCountAfresh()
    {
        await _mfa.EnrollAsync(Alice);
        await FailTimesAsync(Alice, 5);
        _mfa.Time.Advance(s_window);
        await FailTimesAsync(Alice, 4);

        var status = await Service.GetStatusAsync(Alice);

        Assert.That(status.IsLockedOut, Is.False);
    }

    [Test]
    public async Task CompleteChallengeAsync_Success_ResetsTheUserCounter()
    {
        await _mfa.EnrollAsync(Alice);
        await FailTimesAsync(Alice, 4);
        await _mfa.PassAsync(Alice);
        await FailTimesAsync(Alice, 4);

        var result = await _mfa.PassAsync(Alice);

        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public async Task CompleteChallengeAsync_ConfiguredMaxFailures_LocksAfterThatMany()
    {
        Use(o => o.ThrottleMaxFailures = 2);
        await _mfa.EnrollAsync(Alice);
        await FailTimesAsync(Alice, 2);

        var start = await Service.BeginChallengeAsync(Alice, new ChallengeRequest(CodeFactor.DefaultKind, MfaPurpose.SignIn));

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.LockedOut));
    }

    [Test]
    public async Task CompleteChallengeAsync_ConfiguredWindow_RetryAfterIsThatWindow()
    {
        Use(o => o.ThrottleWindow = TimeSpan.FromMinutes(30));
        await _mfa.EnrollAsync(Alice);
        await FailTimesAsync(Alice, 5);

        var status = await Service.GetStatusAsync(Alice);

        Assert.That(status.RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(30)));
    }

    [Test]
    public async Task GetStatusAsync_Throttled_ReportsLockoutAndRetryAfter()
    {
        await _mfa.EnrollAsync(Alice);
        await FailTimesAsync(Alice, 5);
        _mfa.Time.Advance(TimeSpan.FromMinutes(1));

        var status = await Service.GetStatusAsync(Alice);

        Assert.That(status.IsLockedOut, Is.True);
        Assert.That(status.RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(4)));
    }

    [Test]
    public async Task CompleteChallengeAsync_OneUserThrottled_OtherUserUnaffected()
    {
        await _mfa.EnrollAsync(Alice);
        await _mfa.EnrollAsync(Bob);
        await FailTimesAsync(Alice, 5);

        var result = await _mfa.PassAsync(Bob);

        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public async Task CompleteChallengeAsync_ConcurrentWrongCodes_VerifierReachedAtMostMaxFailuresTimes()
    {
        await _mfa.EnrollAsync(Alice);
        var pending = new List<(string Id, string Code)>();
        for (var i = 0; i < 20; i++)
        {
            pending.Add(await _mfa.BeginAsync(Alice));
        }

        // Every attempt waits inside the verifier until all have started: the attempts race as they would across app servers.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _mfa.Factor.InsideVerifier = () => gate.Task;
        var attempts = pending.Select(p => _mfa.CompleteAsync(Alice, p.Id, CodeFactor.NewCode())).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(attempts);

        Assert.That(_mfa.Factor.ChallengeCompletions, Is.EqualTo(5));
        Assert.That(results.Count(r => r.FailureReason == MfaFailureReason.InvalidCode), Is.EqualTo(5));
        Assert.That(results.Count(r => r.FailureReason == MfaFailureReason.LockedOut), Is.EqualTo(15));
    }

    [Test]
    public async Task RedeemRecoveryCodeAsync_FailedRedemptions_CountTowardsTheThrottle()
    {
        await _mfa.EnrollAsync(Alice);
        await Service.GenerateRecoveryCodesAsync(Alice);
        for (var i = 0; i < 5; i++)
        {
            await Service.RedeemRecoveryCodeAsync(Alice, "00000-00000", MfaPurpose.SignIn);
        }

        var start = await Service.BeginChallengeAsync(Alice, new ChallengeRequest(CodeFactor.DefaultKind, MfaPurpose.SignIn));

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.LockedOut));
    }

    [Test]
    public async Task RedeemRecoveryCodeAsync_WhileThrottled_LockedOutAndCodeKept()
    {
        await _mfa.EnrollAsync(Alice);
        var codes = await Service.GenerateRecoveryCodesAsync(Alice.JustVerified(_mfa.Time));
        await FailTimesAsync(Alice, 5);

        var result = await Service.RedeemRecoveryCodeAsync(Alice, codes.Codes[0], MfaPurpose.SignIn);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.LockedOut));
        Assert.That(result.RetryAfter, Is.EqualTo(s_window));
        Assert.That((await Service.GetStatusAsync(Alice)).RecoveryCodesRemaining, Is.EqualTo(10));
    }

    [Test]
    public async Task CompleteEnrollmentAsync_FailedConfirmations_CountTowardsTheThrottle()
    {
        var start = await Service.BeginEnrollmentAsync(Alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind));
        for (var i = 0; i < 5; i++)
        {
            await Service.CompleteEnrollmentAsync(Alice, start.EnrollmentId!, new CodeEnrollmentResponse(CodeFactor.DefaultKind, CodeFactor.NewCode()));
        }

        var code = start.Prompt!.Code;
        var result = await Service.CompleteEnrollmentAsync(Alice, start.EnrollmentId!, new CodeEnrollmentResponse(CodeFactor.DefaultKind, code));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.LockedOut));
        Assert.That(result.RetryAfter, Is.EqualTo(s_window));
        Assert.That(_mfa.Factor.EnrollmentCompletions, Is.EqualTo(5));
    }

    [Test]
    public async Task UnlockAsync_Throttled_AttemptsWorkAtOnce()
    {
        await _mfa.EnrollAsync(Alice);
        await FailTimesAsync(Alice, 5);

        await Service.Administration.UnlockAsync(Alice.Id);

        Assert.That((await _mfa.PassAsync(Alice)).Succeeded, Is.True);
        Assert.That(_mfa.Logs.EventIds, Does.Contain(MfaEventIds.Unlocked));
    }

    [Test]
    public async Task CompleteChallengeAsync_HundredConsecutiveFailures_AuthenticatorHardLocked()
    {
        var locked = await _mfa.EnrollAsync(Alice, "Locked");
        await FailSpacedAsync(Alice, locked, 100);
        _mfa.Time.Advance(s_window);

        var start = await Service.BeginChallengeAsync(Alice, new ChallengeRequest(CodeFactor.DefaultKind, MfaPurpose.SignIn) { AuthenticatorId = locked });

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.LockedOut));
        Assert.That(start.RetryAfter, Is.Null);
        Assert.That(_mfa.Logs.Entries.Count(e => e.EventId.Id == MfaEventIds.AuthenticatorHardLocked), Is.EqualTo(1));
    }

    [Test]
    public async Task CompleteChallengeAsync_NinetyNineConsecutiveFailures_NotYetHardLocked()
    {
        var id = await _mfa.EnrollAsync(Alice);
        await FailSpacedAsync(Alice, id, 99);
        _mfa.Time.Advance(s_window);

        var result = await _mfa.PassAsync(Alice, id);

        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public async Task CompleteChallengeAsync_HardLocked_StillLockedHoursLaterAndInStatus()
    {
        var locked = await _mfa.EnrollAsync(Alice, "Locked");
        await FailSpacedAsync(Alice, locked, 100);
        _mfa.Time.Advance(TimeSpan.FromHours(12));

        var start = await Service.BeginChallengeAsync(Alice, new ChallengeRequest(CodeFactor.DefaultKind, MfaPurpose.SignIn));
        var status = await Service.GetStatusAsync(Alice);

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.LockedOut));
        Assert.That(start.RetryAfter, Is.Null);
        Assert.That(status.HardLockedAuthenticators, Is.EqualTo(new[] { locked }));
        Assert.That(status.IsLockedOut, Is.False, "the user throttle is over; only the authenticator is locked");
    }

    [Test]
    public async Task CompleteChallengeAsync_HardLockedPendingChallenge_LockedOutWithoutReachingTheVerifier()
    {
        var locked = await _mfa.EnrollAsync(Alice);
        await FailSpacedAsync(Alice, locked, 99);
        _mfa.Time.Advance(s_window);
        var (id, code) = await _mfa.BeginAsync(Alice, authenticatorId: locked);
        await _mfa.FailAsync(Alice, locked);
        var calls = _mfa.Factor.ChallengeCompletions;

        var result = await _mfa.CompleteAsync(Alice, id, code);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.LockedOut));
        Assert.That(result.RetryAfter, Is.Null);
        Assert.That(_mfa.Factor.ChallengeCompletions, Is.EqualTo(calls));
    }

    [Test]
    public async Task CompleteChallengeAsync_OneAuthenticatorHardLocked_OtherAuthenticatorsStillWork()
    {
        var locked = await _mfa.EnrollAsync(Alice, "Locked");
        var open = await _mfa.EnrollAsync(Alice, "Open");
        await FailSpacedAsync(Alice, locked, 100);
        _mfa.Time.Advance(s_window);

        var bound = await _mfa.PassAsync(Alice, open);
        var any = await _mfa.PassAsync(Alice);

        Assert.That(bound.AuthenticatorId, Is.EqualTo(open));
        Assert.That(any.AuthenticatorId, Is.EqualTo(open));
    }

    [Test]
    public async Task CompleteChallengeAsync_HardLockedAuthenticatorNamedInAnUnboundChallenge_NotOffered()
    {
        var locked = await _mfa.EnrollAsync(Alice, "Locked");
        await _mfa.EnrollAsync(Alice, "Open");
        await FailSpacedAsync(Alice, locked, 100);
        _mfa.Time.Advance(s_window);
        var (id, code) = await _mfa.BeginAsync(Alice);

        var result = await _mfa.CompleteAsync(Alice, id, code, authenticatorId: locked);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.AuthenticatorId, Is.Null);
    }

    [Test]
    public async Task UnlockAsync_HardLocked_AuthenticatorWorksAgain()
    {
        var locked = await _mfa.EnrollAsync(Alice);
        await FailSpacedAsync(Alice, locked, 100);

        await Service.Administration.UnlockAsync(Alice.Id);

        Assert.That((await Service.GetStatusAsync(Alice)).HardLockedAuthenticators, Is.Empty);
        Assert.That((await _mfa.PassAsync(Alice, locked)).Succeeded, Is.True);
    }

    [Test]
    public async Task CompleteChallengeAsync_ConfiguredHardLockThreshold_LocksAfterThatMany()
    {
        Use(o => o.HardLockThreshold = 3);
        var id = await _mfa.EnrollAsync(Alice);
        await FailTimesAsync(Alice, 3, id);

        var status = await Service.GetStatusAsync(Alice);

        Assert.That(status.HardLockedAuthenticators, Is.EqualTo(new[] { id }));
    }

    [Test]
    public async Task CompleteChallengeAsync_SuccessBetweenFailures_ResetsTheConsecutiveCount()
    {
        Use(o => o.HardLockThreshold = 3);
        var id = await _mfa.EnrollAsync(Alice);
        await FailTimesAsync(Alice, 2, id);
        await _mfa.PassAsync(Alice, id);
        await FailTimesAsync(Alice, 2, id);

        var status = await Service.GetStatusAsync(Alice);

        Assert.That(status.HardLockedAuthenticators, Is.Empty);
    }

    [Test]
    public async Task CompleteChallengeAsync_SuccessWithAnotherAuthenticator_KeepsTheConsecutiveCount()
    {
        Use(o => o.HardLockThreshold = 3);
        var failing = await _mfa.EnrollAsync(Alice);
        var other = await _mfa.EnrollAsync(Alice);
        await FailTimesAsync(Alice, 2, failing);
        await _mfa.PassAsync(Alice, other);
        await FailTimesAsync(Alice, 1, failing);

        var status = await Service.GetStatusAsync(Alice);

        Assert.That(status.HardLockedAuthenticators, Is.EqualTo(new[] { failing }));
    }

    private async Task FailTimesAsync(MfaUser user, int times, string? authenticatorId = null)
    {
        for (var i = 0; i < times; i++)
        {
            var result = await _mfa.FailAsync(user, authenticatorId);
            Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.InvalidCode));
        }
    }

    /// <summary>Fails <paramref name="times"/> times with one authenticator, moving past the user throttle window between batches.</summary>
    private async Task FailSpacedAsync(MfaUser user, string authenticatorId, int times)
    {
        for (var done = 0; done < times; done += 5)
        {
            await FailTimesAsync(user, Math.Min(5, times - done), authenticatorId);
            _mfa.Time.Advance(s_window);
        }
    }

    private void Use(Action<MfaOptions> configure)
    {
        _mfa.Dispose();
        _mfa = new MfaHarness(configure);
    }
}
