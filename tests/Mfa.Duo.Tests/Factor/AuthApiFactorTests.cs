using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Duo.Emulator.Scripting;
using Mfa.Duo.Failmode;
using Microsoft.Extensions.Logging;

namespace Mfa.Duo.Tests.Factor;

/// <summary>The Auth API flow end to end: preauth, an async push or call polled through Core's Pending, a passcode.</summary>
[TestFixture]
public sealed class AuthApiFactorTests
{
    [TestCase(DuoChallengeMode.Push, "push")]
    [TestCase(DuoChallengeMode.Phone, "phone")]
    public async Task CompleteChallengeAsync_UserApproves_PendingThenVerified(DuoChallengeMode mode, string factor)
    {
        await using var host = await DuoFactorHost.StartAsync();
        host.Duo.GetUser("alice")!.WaitingPolls = 2;
        var start = await host.BeginAsync(mode);
        Assert.That(start.Succeeded, Is.True, start.ToString());

        var (result, pending) = await host.PollAsync(start.ChallengeId!);

        var details = result.GetDetails<DuoVerificationDetails>();
        Assert.Multiple(() =>
        {
            Assert.That(start.Prompt!.PollInterval, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(pending, Is.EqualTo(2));
            Assert.That(result.Succeeded, Is.True, result.ToString());
            Assert.That(details!.Factor, Is.EqualTo(factor));
            Assert.That(details.TransactionId, Is.Not.Null);
            Assert.That(details.DuoBypassed, Is.False);
            Assert.That(result.Bypassed, Is.False);
        });
    }

    [TestCase(DuoEmulatorOutcome.Deny, MfaFailureReason.Denied)]
    [TestCase(DuoEmulatorOutcome.Timeout, MfaFailureReason.Expired)]
    public async Task CompleteChallengeAsync_UserDeniesOrTimesOut_TypedFailure(DuoEmulatorOutcome outcome, MfaFailureReason expected)
    {
        await using var host = await DuoFactorHost.StartAsync();
        host.Duo.GetUser("alice")!.Outcome = outcome;
        var start = await host.BeginAsync(DuoChallengeMode.Push);

        var (result, _) = await host.PollAsync(start.ChallengeId!);

        Assert.That(result.FailureReason, Is.EqualTo(expected));
    }

    [TestCase(DuoEmulatorUserState.Locked, MfaFailureReason.Denied)]
    [TestCase(DuoEmulatorUserState.NotEnrolled, MfaFailureReason.NotEnrolled)]
    [TestCase(DuoEmulatorUserState.Bypass, MfaFailureReason.DuoPolicyBypass)]
    public async Task BeginChallengeAsync_UserStateAtDuo_TypedFailureAndNoPush(DuoEmulatorUserState state, MfaFailureReason expected)
    {
        await using var host = await DuoFactorHost.StartAsync();
        host.Duo.GetUser("alice")!.State = state;

        var start = await host.BeginAsync(DuoChallengeMode.Push);

        Assert.Multiple(() =>
        {
            Assert.That(start.FailureReason, Is.EqualTo(expected));
            Assert.That(host.Duo.Requests.Any(r => r.Path == "/auth/v2/auth"), Is.False);
        });
    }

    [Test]
    public async Task CompleteChallengeAsync_PolicyBypassAccepted_VerifiedMarked()
    {
        await using var host = await DuoFactorHost.StartAsync(o => o.AcceptDuoPolicyBypass = true);
        host.Duo.GetUser("alice")!.State = DuoEmulatorUserState.Bypass;
        var start = await host.BeginAsync(DuoChallengeMode.Push);

        var result = await host.CompleteAsync(start.ChallengeId!, new DuoPollResponse());

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, result.ToString());
            Assert.That(result.GetDetails<DuoVerificationDetails>()!.PolicyBypassed, Is.True);
            Assert.That(result.GetDetails<DuoVerificationDetails>()!.DuoBypassed, Is.False);
            Assert.That(result.Bypassed, Is.True);
        });
    }

    [Test]
    public async Task CompleteChallengeAsync_RightPasscode_Verified()
    {
        await using var host = await DuoFactorHost.StartAsync();
        var start = await host.BeginAsync(DuoChallengeMode.Passcode);

        var result = await host.CompleteAsync(start.ChallengeId!, new DuoPasscodeResponse("123456"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, result.ToString());
            Assert.That(result.GetDetails<DuoVerificationDetails>()!.Factor, Is.EqualTo("passcode"));
        });
    }

    [Test]
    public async Task CompleteChallengeAsync_WrongPasscode_InvalidCodeAndConsumed()
    {
        await using var host = await DuoFactorHost.StartAsync();
        var start = await host.BeginAsync(DuoChallengeMode.Passcode);

        var wrong = await host.CompleteAsync(start.ChallengeId!, new DuoPasscodeResponse("654321"));
        var retry = await host.CompleteAsync(start.ChallengeId!, new DuoPasscodeResponse("123456"));

        Assert.Multiple(() =>
        {
            Assert.That(wrong.FailureReason, Is.EqualTo(MfaFailureReason.InvalidCode));
            Assert.That(retry.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
        });
    }

    [TestCase(DuoChallengeMode.Phone)]
    [TestCase(DuoChallengeMode.Passcode)]
    public async Task BeginChallengeAsync_OptionNotAllowed_FactorNotAllowedWithoutCallingDuo(DuoChallengeMode mode)
    {
        await using var host = await DuoFactorHost.StartAsync(o => o.AllowedAuthOptions = DuoAuthOptions.Push);

        var start = await host.BeginAsync(mode);

        Assert.Multiple(() =>
        {
            Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.FactorNotAllowed));
            Assert.That(host.Duo.Requests.Any(r => r.Path.StartsWith("/auth/v2/", StringComparison.Ordinal) && r.Path != "/auth/v2/preauth"), Is.False);
        });
    }

    [Test]
    public async Task BeginChallengeAsync_AllowedOptionOffered_PromptListsOnlyAllowed()
    {
        await using var host = await DuoFactorHost.StartAsync(o => o.AllowedAuthOptions = DuoAuthOptions.Push);

        var start = await host.BeginAsync(DuoChallengeMode.Push);

        Assert.That(start.Prompt!.AllowedOptions, Is.EqualTo(DuoAuthOptions.Push));
    }

    [Test]
    public async Task CompleteChallengeAsync_PasscodeForPushChallenge_MalformedInput()
    {
        await using var host = await DuoFactorHost.StartAsync();
        var start = await host.BeginAsync(DuoChallengeMode.Push);

        var result = await host.CompleteAsync(start.ChallengeId!, new DuoPasscodeResponse("123456"));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task BeginChallengeAsync_DuoDownFailmodeClosed_DuoUnavailable()
    {
        await using var host = await DuoFactorHost.StartAsync();
        host.Duo.Outage = DuoEmulatorOutage.ServerError;

        var start = await host.BeginAsync(DuoChallengeMode.Push);

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.DuoUnavailable));
    }

    [Test]
    public async Task CompleteChallengeAsync_DuoDownFailmodeOpen_VerifiedMarkedBypassed()
    {
        await using var host = await DuoFactorHost.StartAsync(o => o.Failmode = DuoFailmode.Open);
        host.Duo.Outage = DuoEmulatorOutage.ServerError;

        var start = await host.BeginAsync(DuoChallengeMode.Push);
        var result = await host.CompleteAsync(start.ChallengeId!, new DuoPollResponse());

        Assert.Multiple(() =>
        {
            Assert.That(start.Prompt!.DuoBypassed, Is.True);
            Assert.That(result.Succeeded, Is.True, result.ToString());
            Assert.That(result.GetDetails<DuoVerificationDetails>()!.DuoBypassed, Is.True);
            Assert.That(result.Bypassed, Is.True);
            Assert.That(host.Logged(LogLevel.Critical, DuoEventIds.FailOpen), Is.True);
            Assert.That(host.Logged(LogLevel.Critical, DuoEventIds.FailOpenCompleted), Is.True);
        });
    }

    [Test]
    public async Task CompleteChallengeAsync_DuoDownWhilePolling_DuoUnavailableEvenIfFailmodeOpen()
    {
        await using var host = await DuoFactorHost.StartAsync(o => o.Failmode = DuoFailmode.Open);
        var start = await host.BeginAsync(DuoChallengeMode.Push);
        host.Duo.Outage = DuoEmulatorOutage.ServerError;

        var result = await host.CompleteAsync(start.ChallengeId!, new DuoPollResponse());

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.DuoUnavailable), "once the push went out, an outage is never a pass");
    }

    [Test]
    public async Task CompleteChallengeAsync_PollAfterSuccess_ChallengeAlreadyUsed()
    {
        await using var host = await DuoFactorHost.StartAsync();
        var start = await host.BeginAsync(DuoChallengeMode.Push);
        var (first, _) = await host.PollAsync(start.ChallengeId!);

        var again = await host.CompleteAsync(start.ChallengeId!, new DuoPollResponse());

        Assert.Multiple(() =>
        {
            Assert.That(first.Succeeded, Is.True);
            Assert.That(again.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
        });
    }

    [Test]
    public async Task AnswerChallengeAsync_DuoChallenge_WrongFactorFlow()
    {
        await using var host = await DuoFactorHost.StartAsync();
        var start = await host.BeginAsync(DuoChallengeMode.Push);

        var answer = await host.Service.AnswerChallengeAsync(start.ChallengeId!, new ForeignAnswer());

        Assert.That(answer.FailureReason, Is.EqualTo(MfaFailureReason.WrongFactorFlow));
    }

    private sealed class ForeignAnswer : ChallengeAnswer
    {
        public override string Kind => FactorKinds.Duo;
    }
}
