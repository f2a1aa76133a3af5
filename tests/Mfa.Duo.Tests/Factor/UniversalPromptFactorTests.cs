using Mfa.Core;
using Mfa.Duo.Emulator.Scripting;
using Mfa.Duo.Failmode;
using Mfa.Duo.Http;
using Mfa.Duo.UniversalPrompt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mfa.Duo.Tests.Factor;

/// <summary>The Universal Prompt flow end to end: IMfaService → DuoFactor → emulator → browser → callback.</summary>
[TestFixture]
public sealed class UniversalPromptFactorTests
{
    [Test]
    public async Task CompleteChallengeAsync_UserApproves_VerifiedWithDuoContext()
    {
        await using var host = await DuoFactorHost.StartAsync();
        var start = await host.BeginAsync(DuoChallengeMode.UniversalPrompt);
        Assert.That(start.Succeeded, Is.True, start.ToString());
        var callback = await DuoTestHost.BrowseAsync(start.Prompt!.AuthorizationUrl!);

        var result = await host.CompleteAsync(start.ChallengeId!, DuoCallbackResponse.From(callback));

        var details = result.GetDetails<DuoVerificationDetails>();
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, result.ToString());
            Assert.That(callback.State, Is.EqualTo(start.ChallengeId), "the challenge id is the OIDC state");
            Assert.That(details!.DuoBypassed, Is.False);
            Assert.That(details.PolicyBypassed, Is.False);
            Assert.That(result.Bypassed, Is.False, "a real Duo success is a second factor");
            Assert.That(details.Mode, Is.EqualTo(DuoChallengeMode.UniversalPrompt));
            Assert.That(details.Factor, Is.EqualTo("duo_push"));
            Assert.That(details.AuthDevice?.Location?.Country, Is.Not.Null);
            Assert.That(details.AccessDevice?.Browser, Is.EqualTo("Emulated"));
            Assert.That(details.Username, Is.EqualTo("alice"));
        });
    }

    [TestCase(DuoEmulatorOutcome.Deny)]
    [TestCase(DuoEmulatorOutcome.Timeout)]
    public async Task CompleteChallengeAsync_UserDeniesOrTimesOut_Denied(DuoEmulatorOutcome outcome)
    {
        await using var host = await DuoFactorHost.StartAsync();
        host.Duo.GetUser("alice")!.Outcome = outcome;
        var start = await host.BeginAsync(DuoChallengeMode.UniversalPrompt);
        var callback = await DuoTestHost.BrowseAsync(start.Prompt!.AuthorizationUrl!);

        var result = await host.CompleteAsync(start.ChallengeId!, DuoCallbackResponse.From(callback));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.Denied));
    }

    [Test]
    public async Task CompleteChallengeAsync_UserLockedAtDuo_Denied()
    {
        await using var host = await DuoFactorHost.StartAsync();
        host.Duo.GetUser("alice")!.State = DuoEmulatorUserState.Locked;
        var start = await host.BeginAsync(DuoChallengeMode.UniversalPrompt);
        var callback = await DuoTestHost.BrowseAsync(start.Prompt!.AuthorizationUrl!);

        var result = await host.CompleteAsync(start.ChallengeId!, DuoCallbackResponse.From(callback));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.Denied));
    }

    [TestCase(DuoEmulatorOutage.ServerError)]
    [TestCase(DuoEmulatorOutage.RateLimited)]
    public async Task BeginChallengeAsync_DuoDownFailmodeClosed_DuoUnavailable(DuoEmulatorOutage outage)
    {
        await using var host = await DuoFactorHost.StartAsync();
        host.Duo.Outage = outage;

        var start = await host.BeginAsync(DuoChallengeMode.UniversalPrompt);

        Assert.Multiple(() =>
        {
            Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.DuoUnavailable));
            Assert.That(host.Logged(LogLevel.Warning, DuoEventIds.FailClosed), Is.True);
            Assert.That(host.Logged(LogLevel.Critical, DuoEventIds.FailOpen), Is.False);
        });
    }

    [Test]
    public async Task BeginChallengeAsync_DuoHangsFailmodeClosed_DuoUnavailable()
    {
        await using var host = await DuoFactorHost.StartAsync(o => o.RequestTimeout = TimeSpan.FromMilliseconds(200));
        host.Duo.Outage = DuoEmulatorOutage.Hang;

        var start = await DuoTestHost.TimeOutHeldCallAsync(host.Time, host.Duo, () => host.BeginAsync(DuoChallengeMode.UniversalPrompt), TimeSpan.FromMilliseconds(200));

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.DuoUnavailable));
    }

    [Test]
    public async Task CompleteChallengeAsync_DuoDownFailmodeOpen_VerifiedMarkedBypassedWithCriticalEvents()
    {
        await using var host = await DuoFactorHost.StartAsync(o => o.Failmode = DuoFailmode.Open);
        host.Duo.Outage = DuoEmulatorOutage.ServerError;

        var start = await host.BeginAsync(DuoChallengeMode.UniversalPrompt);
        var result = await host.CompleteAsync(start.ChallengeId!, new DuoPollResponse());

        var details = result.GetDetails<DuoVerificationDetails>();
        Assert.Multiple(() =>
        {
            Assert.That(start.Prompt!.DuoBypassed, Is.True);
            Assert.That(start.Prompt.AuthorizationUrl, Is.Null);
            Assert.That(result.Succeeded, Is.True, result.ToString());
            Assert.That(details!.DuoBypassed, Is.True);
            Assert.That(details.BypassFailure, Is.EqualTo(DuoFailureKind.ServerError));
            Assert.That(result.Bypassed, Is.True, "Core lifts the fail-open pass");
            Assert.That(host.Logged(LogLevel.Critical, DuoEventIds.FailOpen), Is.True);
            Assert.That(host.Logged(LogLevel.Critical, DuoEventIds.FailOpenCompleted), Is.True);
        });
    }

    [Test]
    public async Task CompleteChallengeAsync_WrongClientSecretFailmodeOpen_NotBypassed()
    {
        await using var host = await DuoFactorHost.StartAsync(o =>
        {
            o.Failmode = DuoFailmode.Open;
            o.ClientSecret = new string('z', 40);
        });

        var start = await host.BeginAsync(DuoChallengeMode.UniversalPrompt);

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.RemoteFailure), "a refusal is never an outage: a wrong secret never turns 2FA off");
    }

    [Test]
    public async Task CompleteChallengeAsync_StateOfAnotherChallenge_ChallengeMismatch()
    {
        await using var host = await DuoFactorHost.StartAsync();
        var first = await host.BeginAsync(DuoChallengeMode.UniversalPrompt);
        var second = await host.BeginAsync(DuoChallengeMode.UniversalPrompt);
        var secondCallback = await DuoTestHost.BrowseAsync(second.Prompt!.AuthorizationUrl!);

        var crossed = await host.CompleteAsync(first.ChallengeId!, DuoCallbackResponse.From(secondCallback));

        Assert.Multiple(() =>
        {
            Assert.That(crossed.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
            Assert.That(host.Duo.Requests.Count(r => r.Path.EndsWith("/token", StringComparison.Ordinal)), Is.Zero, "the code never reaches the token endpoint");
        });
    }

    [Test]
    public async Task CompleteChallengeAsync_CallbackReplayedAfterSuccess_ChallengeAlreadyUsed()
    {
        await using var host = await DuoFactorHost.StartAsync();
        var start = await host.BeginAsync(DuoChallengeMode.UniversalPrompt);
        var callback = await DuoTestHost.BrowseAsync(start.Prompt!.AuthorizationUrl!);
        var first = await host.CompleteAsync(start.ChallengeId!, DuoCallbackResponse.From(callback));
        var tokenCalls = host.Duo.Requests.Count(r => r.Path.EndsWith("/token", StringComparison.Ordinal));

        var replay = await host.CompleteAsync(start.ChallengeId!, DuoCallbackResponse.From(callback));

        Assert.Multiple(() =>
        {
            Assert.That(first.Succeeded, Is.True, first.ToString());
            Assert.That(replay.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
            Assert.That(host.Duo.Requests.Count(r => r.Path.EndsWith("/token", StringComparison.Ordinal)), Is.EqualTo(tokenCalls), "the service refuses before Duo is asked");
        });
    }

    [Test]
    public async Task CompleteChallengeAsync_CodeIssuedForAnotherNonce_ChallengeMismatch()
    {
        await using var host = await DuoFactorHost.StartAsync();
        var start = await host.BeginAsync(DuoChallengeMode.UniversalPrompt);

        // An attacker starts their own Duo login carrying the victim challenge's state but their own nonce.
        var universal = host.Services.GetRequiredService<IDuoUniversalClient>();
        var forged = universal.BuildAuthorizationUrl("alice", start.ChallengeId!, DuoStateGenerator.Generate());
        var callback = await DuoTestHost.BrowseAsync(forged);

        var result = await host.CompleteAsync(start.ChallengeId!, DuoCallbackResponse.From(callback));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
    }

    [Test]
    public async Task CompleteChallengeAsync_DuoPolicyBypassUser_RefusedByDefault()
    {
        await using var host = await DuoFactorHost.StartAsync();
        host.Duo.GetUser("alice")!.State = DuoEmulatorUserState.Bypass;
        var start = await host.BeginAsync(DuoChallengeMode.UniversalPrompt);
        var callback = await DuoTestHost.BrowseAsync(start.Prompt!.AuthorizationUrl!);

        var result = await host.CompleteAsync(start.ChallengeId!, DuoCallbackResponse.From(callback));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.DuoPolicyBypass));
    }

    [Test]
    public async Task CompleteChallengeAsync_DuoPolicyBypassAccepted_VerifiedMarked()
    {
        await using var host = await DuoFactorHost.StartAsync(o => o.AcceptDuoPolicyBypass = true);
        host.Duo.GetUser("alice")!.State = DuoEmulatorUserState.Bypass;
        var start = await host.BeginAsync(DuoChallengeMode.UniversalPrompt);
        var callback = await DuoTestHost.BrowseAsync(start.Prompt!.AuthorizationUrl!);

        var result = await host.CompleteAsync(start.ChallengeId!, DuoCallbackResponse.From(callback));

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, result.ToString());
            Assert.That(result.GetDetails<DuoVerificationDetails>()!.PolicyBypassed, Is.True);
            Assert.That(result.Bypassed, Is.True, "Core lifts the policy bypass");
        });
    }

    [Test]
    public async Task CompleteChallengeAsync_PollResponseForUniversalPrompt_MalformedInput()
    {
        await using var host = await DuoFactorHost.StartAsync();
        var start = await host.BeginAsync(DuoChallengeMode.UniversalPrompt);

        var result = await host.CompleteAsync(start.ChallengeId!, new DuoPollResponse());

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task CompleteChallengeAsync_EmptyCode_MalformedInput()
    {
        await using var host = await DuoFactorHost.StartAsync();
        var start = await host.BeginAsync(DuoChallengeMode.UniversalPrompt);

        var result = await host.CompleteAsync(start.ChallengeId!, new DuoCallbackResponse(string.Empty, start.ChallengeId!));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }
}
