using Mfa.Core.Storage;
using Mfa.Core.Tests.Fakes;
using Mfa.Testing;
using Mfa.Testing.Faults;

namespace Mfa.Core.Tests.Service;

/// <summary>
/// A store fault at any store call of an entry point (injected through the store abstraction, before or after the call
/// takes effect) is <see cref="MfaFailureReason.StoreUnavailable"/>: never success, never a wrong code, nothing
/// half-written; once the store is back the operation works, and a challenge succeeds exactly once.
/// </summary>
[TestFixture]
public sealed class MfaServiceStoreFaultTests
{
    private static readonly MfaUser s_alice = MfaHarness.Alice;

    private static MfaHarness NewHarness(StoreFaultInjector faults) =>
        new(services: s => s.AddStoreFaults(faults));

    /// <summary>
    /// Runs <paramref name="act"/> with a fault from store call 0, 1, 2, … until a run makes no faulted call, checking each
    /// faulted run's outcome and what recovery finds.
    /// </summary>
    private static async Task SweepAsync<TState>(
        StoreFaultTiming timing,
        Func<MfaHarness, Task<TState>> arrange,
        Func<MfaHarness, TState, Task<MfaResult>> act,
        Func<MfaHarness, TState, MfaResult, Task> afterRecovery)
    {
        for (var at = 0; at < 100; at++)
        {
            var faults = new StoreFaultInjector();
            using var mfa = NewHarness(faults);
            var state = await arrange(mfa);
            faults.FailFrom(at, timing);

            var result = await act(mfa, state);

            if (faults.Faults == 0)
            {
                Assert.That(result.Succeeded, Is.True, $"unfaulted run: {result}");
                Assert.That(at, Is.GreaterThan(0), "the operation made no store call");
                return;
            }

            // A fault after the deciding write committed may leave a true success (bookkeeping is best effort);
            // anything else is StoreUnavailable. afterRecovery checks the store agrees with what the caller heard.
            Assert.That(result.Succeeded || result.FailureReason == MfaFailureReason.StoreUnavailable, Is.True, $"fault at store call {at} ({timing}): {result}");
            faults.Heal();
            await afterRecovery(mfa, state, result);
        }

        Assert.Fail("the sweep did not end");
    }

    [Test]
    public async Task CompleteChallengeAsync_FaultAtEveryStoreCall_StoreUnavailableThenExactlyOneSuccess([Values] StoreFaultTiming timing) =>
        await SweepAsync(
            timing,
            async mfa =>
            {
                await mfa.EnrollAsync(s_alice);
                return await mfa.BeginAsync(s_alice);
            },
            async (mfa, challenge) => await mfa.CompleteAsync(s_alice, challenge.Id, challenge.Code),
            async (mfa, challenge, first) =>
            {
                // The same answer again: it succeeds if the fault struck before the challenge was consumed, else the
                // challenge is spent (fail closed) and a new one succeeds. Never two successes for one challenge.
                var retry = await mfa.CompleteAsync(s_alice, challenge.Id, challenge.Code);
                Assert.That(first.Succeeded && retry.Succeeded, Is.False, "one challenge succeeded twice");
                if (!retry.Succeeded)
                {
                    Assert.That(retry.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
                    Assert.That((await mfa.PassAsync(s_alice)).Succeeded, Is.True);
                }

                Assert.That((await mfa.CompleteAsync(s_alice, challenge.Id, challenge.Code)).Succeeded, Is.False, "a second success");
            });

    [Test]
    public async Task BeginChallengeAsync_FaultAtEveryStoreCall_StoreUnavailableThenWorks([Values] StoreFaultTiming timing) =>
        await SweepAsync(
            timing,
            async mfa => await mfa.EnrollAsync(s_alice),
            async (mfa, _) => await mfa.Service.BeginChallengeAsync(s_alice, new Factors.ChallengeRequest(CodeFactor.DefaultKind, MfaPurpose.SignIn)),
            async (mfa, _, _) => Assert.That((await mfa.PassAsync(s_alice)).Succeeded, Is.True));

    [Test]
    public async Task BeginEnrollmentAsync_FaultAtEveryStoreCall_StoreUnavailableThenWorks([Values] StoreFaultTiming timing) =>
        await SweepAsync(
            timing,
            _ => Task.FromResult(0),
            async (mfa, _) => await mfa.Service.BeginEnrollmentAsync(s_alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind)),
            async (mfa, _, _) =>
            {
                await mfa.EnrollAsync(s_alice);
                Assert.That(await mfa.Service.ListAuthenticatorsAsync(s_alice.Id), Has.Count.EqualTo(1));
            });

    [Test]
    public async Task CompleteEnrollmentAsync_FaultAtEveryStoreCall_StoreUnavailableAndTheRetryMatchesWhatIsStored([Values] StoreFaultTiming timing) =>
        await SweepAsync(
            timing,
            async mfa => await mfa.Service.BeginEnrollmentAsync(s_alice, new CodeEnrollmentRequest(CodeFactor.DefaultKind)),
            async (mfa, start) => await mfa.Service.CompleteEnrollmentAsync(s_alice, start.EnrollmentId!, new CodeEnrollmentResponse(CodeFactor.DefaultKind, start.Prompt!.Code)),
            async (mfa, start, _) =>
            {
                // Completing the same enrollment again returns the stored record, or stores it now: one authenticator either way.
                var retry = await mfa.Service.CompleteEnrollmentAsync(s_alice, start.EnrollmentId!, new CodeEnrollmentResponse(CodeFactor.DefaultKind, start.Prompt!.Code));
                Assert.That(retry.Succeeded, Is.True, retry.Message);
                var stored = await mfa.Service.ListAuthenticatorsAsync(s_alice.Id);
                Assert.That(stored.Select(a => a.Id), Is.EqualTo(new[] { retry.Authenticator!.Id }));
            });

    [Test]
    public async Task GenerateRecoveryCodesAsync_FaultAtEveryStoreCall_StoreUnavailableAndNoPartialSet([Values] StoreFaultTiming timing) =>
        await SweepAsync(
            timing,
            async mfa => await mfa.Service.GenerateRecoveryCodesAsync(s_alice),
            async (mfa, old) => await mfa.Service.GenerateRecoveryCodesAsync(s_alice.JustVerified(mfa.Time)),
            async (mfa, old, _) =>
            {
                var status = await mfa.Service.GetStatusAsync(s_alice);
                Assert.That(status.RecoveryCodesRemaining, Is.EqualTo(old.Codes.Count), "a whole set, old or new");
                var fresh = await mfa.Service.GenerateRecoveryCodesAsync(s_alice.JustVerified(mfa.Time));
                Assert.That((await mfa.Service.RedeemRecoveryCodeAsync(s_alice, fresh.Codes[0], MfaPurpose.SignIn)).Succeeded, Is.True);
            });

    [Test]
    public async Task RedeemRecoveryCodeAsync_FaultAtEveryStoreCall_StoreUnavailableNeverInvalidThenAtMostOnce([Values] StoreFaultTiming timing) =>
        await SweepAsync(
            timing,
            async mfa => await mfa.Service.GenerateRecoveryCodesAsync(s_alice),
            async (mfa, codes) => await mfa.Service.RedeemRecoveryCodeAsync(s_alice, codes.Codes[0], MfaPurpose.SignIn),
            async (mfa, codes, first) =>
            {
                // One success across the faulted call and the retry, never two; none only when the redeeming write
                // landed and its reply was lost (the code is spent: fail closed).
                var retry = await mfa.Service.RedeemRecoveryCodeAsync(s_alice, codes.Codes[0], MfaPurpose.SignIn);
                var successes = (first.Succeeded ? 1 : 0) + (retry.Succeeded ? 1 : 0);
                Assert.That(successes, timing == StoreFaultTiming.BeforeCall ? Is.EqualTo(1) : Is.InRange(0, 1), retry.ToString());
                Assert.That((await mfa.Service.RedeemRecoveryCodeAsync(s_alice, codes.Codes[0], MfaPurpose.SignIn)).Succeeded, Is.False);
                Assert.That((await mfa.Service.RedeemRecoveryCodeAsync(s_alice, codes.Codes[1], MfaPurpose.SignIn)).Succeeded, Is.True);
            });

    [Test]
    public async Task RenameAuthenticatorAsync_FaultAtEveryStoreCall_StoreUnavailableThenWorks([Values] StoreFaultTiming timing) =>
        await SweepAsync(
            timing,
            async mfa => await mfa.EnrollAsync(s_alice, "Phone"),
            async (mfa, id) => await mfa.Service.RenameAuthenticatorAsync(s_alice.JustVerified(mfa.Time), id, "Tablet"),
            async (mfa, id, _) => Assert.That((await mfa.Service.RenameAuthenticatorAsync(s_alice.JustVerified(mfa.Time), id, "Laptop")).Succeeded, Is.True));

    [Test]
    public async Task AdministrationRemoveAuthenticatorAsync_FaultAtEveryStoreCall_StoreUnavailableThenWorks([Values] StoreFaultTiming timing) =>
        await SweepAsync(
            timing,
            async mfa =>
            {
                await mfa.EnrollAsync(s_alice);
                return await mfa.EnrollAsync(s_alice);
            },
            async (mfa, id) => await mfa.Service.Administration.RemoveAuthenticatorAsync(s_alice.Id, id),
            async (mfa, id, _) =>
            {
                var remaining = await mfa.Service.ListAuthenticatorsAsync(s_alice.Id);
                Assert.That(remaining, Has.Count.InRange(1, 2), "never both gone");
                if (remaining.Any(a => a.Id == id))
                {
                    Assert.That((await mfa.Service.Administration.RemoveAuthenticatorAsync(s_alice.Id, id)).Succeeded, Is.True);
                }
            });

    [Test]
    public async Task AnswerChallengeAsync_StoreDown_StoreUnavailable()
    {
        var faults = new StoreFaultInjector();
        using var mfa = NewHarness(faults);
        var device = await mfa.EnrollDeviceAsync(s_alice);
        var (id, nonce) = await mfa.BeginApprovalAsync(s_alice);
        faults.FailFrom(0);

        var answer = await mfa.Service.AnswerChallengeAsync(id, new ApprovalAnswer(nonce, device, Factors.ChallengeAnswerOutcome.Approved));

        Assert.That(answer.FailureReason, Is.EqualTo(MfaFailureReason.StoreUnavailable));
        faults.Heal();
        Assert.That((await mfa.Service.AnswerChallengeAsync(id, new ApprovalAnswer(nonce, device, Factors.ChallengeAnswerOutcome.Approved))).Succeeded, Is.True);
        Assert.That((await mfa.PollAsync(s_alice, id)).Succeeded, Is.True);
    }

    [Test]
    public async Task AdministrationSetRequirementAsync_StoreDown_ThrowsMfaStoreExceptionNotTheDrivers()
    {
        var faults = new StoreFaultInjector();
        using var mfa = NewHarness(faults);
        faults.FailFrom(0);

        Assert.That(async () => await mfa.Service.Administration.SetRequirementAsync(s_alice.Id, Policy.MfaRequirement.Optional), Throws.TypeOf<MfaStoreException>());
        Assert.That(async () => await mfa.Service.GetStatusAsync(s_alice), Throws.TypeOf<MfaStoreException>());
    }
}
