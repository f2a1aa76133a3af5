using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Totp.Codes;
using Mfa.Totp.CounterBased;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Specification.Service;

/// <summary>HOTP (RFC 4226) on a durable store: the replay guard holds each token's counter, shared by every server.</summary>
public abstract partial class DurableStoreSpecification
{
    private static readonly byte[] s_hotpSecret = "12345678901234567890"u8.ToArray();

    private static string HotpCode(long counter) => Hotp.Format(Hotp.ComputeCode(s_hotpSecret, counter, TotpAlgorithm.Sha1, 6), 6);

    private static async Task<string> ImportHotpTokenAsync(IMfaService mfa, long counter)
    {
        var imported = await mfa.ImportAuthenticatorAsync(s_alice, new HotpImport(s_hotpSecret, counter) { Name = "Token" });
        Assert.That(imported.Succeeded, Is.True, imported.Message);
        return imported.Authenticator!.Id;
    }

    private static async Task<MfaVerificationResult> SignInWithHotpAsync(IMfaService mfa, string code)
    {
        var challenge = await mfa.BeginChallengeAsync(s_alice, new ChallengeRequest(FactorKinds.Hotp, MfaPurpose.SignIn));
        Assert.That(challenge.Succeeded, Is.True, challenge.Message);
        return await mfa.CompleteChallengeAsync(s_alice, challenge.ChallengeId!, MfaPurpose.SignIn, new HotpChallengeResponse(code));
    }

    [Test]
    public async Task CompleteChallengeAsync_SameHotpCodeOnTwoServers_ExactlyOneSucceeds()
    {
        var first = Mfa(StartServer());
        var second = Mfa(StartServer());
        await ImportHotpTokenAsync(first, counter: 0);
        var code = HotpCode(3);

        var results = await RaceAsync(first, second, (mfa, _) => SignInWithHotpAsync(mfa, code));

        Assert.That(results.Count(r => r.Succeeded), Is.EqualTo(1));
        Assert.That(results.Where(r => !r.Succeeded).Select(r => r.FailureReason), Is.All.EqualTo(MfaFailureReason.Replayed));
    }

    [Test]
    public async Task CompleteChallengeAsync_ConsecutiveHotpCodesOnTwoServers_CounterEndsAtTheHighest()
    {
        // Each caller presents a different counter's code at once: whichever order they land in, the counter only moves
        // forward, so a lower code arriving after a higher one is refused and the stored counter ends at the highest accepted.
        var first = Mfa(StartServer());
        var second = Mfa(StartServer());
        var server = StartServer();
        var id = await ImportHotpTokenAsync(first, counter: 0);

        var results = await RaceAsync(first, second, (mfa, i) => SignInWithHotpAsync(mfa, HotpCode(i % 8)));

        var accepted = results.Select((r, i) => (r, Counter: i % 8)).Where(x => x.r.Succeeded).Select(x => ((HotpVerificationDetails)x.r.Details!).Counter).ToList();
        var last = await server.GetRequiredService<Core.Storage.IReplayGuardStore>().GetLastStepAsync(id);
        Assert.That(accepted, Is.Not.Empty);
        Assert.That(accepted, Is.Unique, "No counter was accepted twice.");
        Assert.That(last, Is.EqualTo(accepted.Max()));
    }

    [Test]
    public async Task Restart_HotpCounterAcceptedBefore_IsStillRefusedAndTheNextSucceeds()
    {
        var before = StartServer();
        await ImportHotpTokenAsync(Mfa(before), counter: 0);
        Assert.That((await SignInWithHotpAsync(Mfa(before), HotpCode(4))).Succeeded, Is.True);
        await StopServerAsync(before);

        var after = Mfa(StartServer());
        var replay = await SignInWithHotpAsync(after, HotpCode(4));
        var earlier = await SignInWithHotpAsync(after, HotpCode(2));
        var next = await SignInWithHotpAsync(after, HotpCode(5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(replay.FailureReason, Is.EqualTo(MfaFailureReason.Replayed));
            Assert.That(earlier.FailureReason, Is.EqualTo(MfaFailureReason.InvalidCode));
            Assert.That(next.Succeeded, Is.True, next.Message);
        }
    }

    [Test]
    public async Task Resynchronize_HotpOnOneServer_OtherServerContinuesFromTheNewCounter()
    {
        var first = Mfa(StartServer());
        var second = Mfa(StartServer());
        await ImportHotpTokenAsync(first, counter: 0);
        var challenge = await first.BeginChallengeAsync(s_alice, new HotpResynchronizationRequest(MfaPurpose.SignIn));

        var resynchronized = await first.CompleteChallengeAsync(s_alice, challenge.ChallengeId!, MfaPurpose.SignIn, new HotpResynchronizationResponse(HotpCode(60), HotpCode(61)));
        var next = await SignInWithHotpAsync(second, HotpCode(62));

        Assert.That(resynchronized.Succeeded, Is.True, resynchronized.Message);
        Assert.That(next.Succeeded, Is.True, next.Message);
    }
}
