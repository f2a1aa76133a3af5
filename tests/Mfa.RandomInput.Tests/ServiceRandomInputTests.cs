using System.Text;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Totp;
using Mfa.WebAuthn;

namespace Mfa.RandomInput.Tests;

/// <summary>
/// Issue #9: every IMfaService entry point that takes remote input, for TOTP, WebAuthn (enroll, sign in, passkey sign-in,
/// legacy import) and recovery codes, given seeded random input: only typed outcomes, and a failure changes no
/// authenticator, counter, replay guard or recovery code.
/// </summary>
[TestFixture]
public sealed class ServiceRandomInputTests
{
    private FactorHost _host = null!;
    private TestAuthenticator _other = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = await FactorHost.StartAsync();
        _other = new TestAuthenticator(FactorHost.Origin);
    }

    [TearDown]
    public void TearDown()
    {
        _other.Dispose();
        _host.Dispose();
    }

    [Test]
    public Task CompleteEnrollmentAsync_WebAuthnRandomResponse_OnlyTypedOutcomesAndNoStateChange() =>
        Outcomes.OnlyTypedAsync(9101, async (random, _) =>
        {
            var begun = await _host.Mfa.BeginEnrollmentAsync(_host.Verified, new WebAuthnEnrollmentRequest(random.Chance(50) ? WebAuthnAuthenticatorKind.Device : WebAuthnAuthenticatorKind.SecurityKey));
            var json = random.Current = random.Any(_other.Register(begun.Prompt!.OptionsJson).ToJson());
            await UnchangedUnlessSucceededAsync(() => _host.Mfa.CompleteEnrollmentAsync(_host.Verified, Id(random, begun.EnrollmentId!), new WebAuthnEnrollmentResponse(json)));
        });

    [Test]
    public Task CompleteChallengeAsync_WebAuthnRandomResponse_OnlyTypedOutcomesAndNoStateChange() =>
        Outcomes.OnlyTypedAsync(9102, async (random, _) =>
        {
            var begun = await _host.Mfa.BeginChallengeAsync(FactorHost.Alice, new WebAuthnChallengeRequest(MfaPurpose.SignIn));
            var json = random.Current = random.Any(_host.Key.Assert(begun.Prompt!.OptionsJson).ToJson());
            await UnchangedUnlessSucceededAsync(() => _host.Mfa.CompleteChallengeAsync(FactorHost.Alice, Id(random, begun.ChallengeId!), MfaPurpose.SignIn, new WebAuthnChallengeResponse(json)));
        });

    [Test]
    public Task CompleteDiscoverableChallengeAsync_RandomResponse_OnlyTypedOutcomesAndNoStateChange() =>
        Outcomes.OnlyTypedAsync(9103, async (random, i) =>
        {
            var begun = await _host.Mfa.BeginDiscoverableChallengeAsync(new WebAuthnChallengeRequest(MfaPurpose.SignIn), "client-" + i);
            Assert.That(begun.Succeeded, Is.True, begun.Message);
            var json = random.Current = random.Any(_host.Key.Assert(begun.Prompt!.OptionsJson).ToJson());
            await UnchangedUnlessSucceededAsync(() => _host.Mfa.CompleteDiscoverableChallengeAsync(Id(random, begun.ChallengeId!), MfaPurpose.SignIn, new WebAuthnChallengeResponse(json)));
        });

    [Test]
    public Task ImportAuthenticatorAsync_RandomLegacyU2fKey_OnlyTypedOutcomesAndNoStateChange() =>
        Outcomes.OnlyTypedAsync(9104, async (random, _) =>
        {
            var other = _other;
            var publicKey = random.Pick<byte[]>([other.UncompressedPoint, other.CosePublicKey(), random.Bytes(200), Mutate(random, other.CosePublicKey()), Mutate(random, other.UncompressedPoint)]);
            var appId = random.Chance(30) ? FactorHost.Origin : random.Any(FactorHost.Origin, "https://example.com/u2f/app-id.json");
            random.Current = appId + " " + Convert.ToHexString(publicKey);
            var key = new LegacyU2fKey(random.Chance(80) ? random.Bytes(300) : other.CredentialId, publicKey, appId) { SignCount = (uint)random.Next(int.MaxValue) };
            await UnchangedUnlessSucceededAsync(() => _host.Mfa.ImportAuthenticatorAsync(FactorHost.Alice, key));
        });

    [Test]
    public Task CompleteEnrollmentAsync_TotpRandomCode_OnlyTypedOutcomesAndNoStateChange() =>
        Outcomes.OnlyTypedAsync(9105, async (random, _) =>
        {
            var begun = await _host.Mfa.BeginEnrollmentAsync(_host.Verified, new TotpEnrollmentRequest());
            var code = random.Current = random.Chance(50) ? random.Mutate("123456") : random.Text(32);
            await UnchangedUnlessSucceededAsync(() => _host.Mfa.CompleteEnrollmentAsync(_host.Verified, Id(random, begun.EnrollmentId!), new TotpEnrollmentResponse(code)));
        });

    [Test]
    public Task CompleteChallengeAsync_TotpRandomCode_OnlyTypedOutcomesAndNoStateChange() =>
        Outcomes.OnlyTypedAsync(9106, async (random, _) =>
        {
            var begun = await _host.Mfa.BeginChallengeAsync(FactorHost.Alice, new ChallengeRequest(FactorKinds.Totp, MfaPurpose.SignIn));
            var code = random.Current = random.Chance(50) ? random.Mutate(_host.CurrentTotpCode()) : random.Text(32);
            await UnchangedUnlessSucceededAsync(() => _host.Mfa.CompleteChallengeAsync(FactorHost.Alice, Id(random, begun.ChallengeId!), MfaPurpose.SignIn, new TotpChallengeResponse(code)));
        });

    [Test]
    public Task RedeemRecoveryCodeAsync_RandomCode_OnlyTypedOutcomesAndNoStateChange() =>
        Outcomes.OnlyTypedAsync(9107, async (random, _) =>
        {
            var code = random.Current = random.Chance(50) ? random.Mutate("ABCDE-FGHJK") : random.Text(64);
            await UnchangedUnlessSucceededAsync(() => _host.Mfa.RedeemRecoveryCodeAsync(FactorHost.Alice, code, MfaPurpose.SignIn));
        });

    [Test]
    public Task CompleteChallengeAsync_RandomChallengeIdAndPurpose_OnlyTypedOutcomes() =>
        Outcomes.OnlyTypedAsync(9108, async (random, _) =>
        {
            var id = random.Current = random.Text(64);
            await UnchangedUnlessSucceededAsync(() => _host.Mfa.CompleteChallengeAsync(FactorHost.Alice, id, MfaPurpose.SignIn, new TotpChallengeResponse(_host.CurrentTotpCode())));
            await UnchangedUnlessSucceededAsync(() => _host.Mfa.CompleteDiscoverableChallengeAsync(id, MfaPurpose.SignIn, new WebAuthnChallengeResponse("{}")));
            await UnchangedUnlessSucceededAsync(() => _host.Mfa.CompleteEnrollmentAsync(_host.Verified, id, new TotpEnrollmentResponse("123456")));
        });

    /// <summary>Mostly the real id; sometimes a hostile one.</summary>
    private static string Id(RandomInput random, string id) => random.Chance(90) ? id : random.Text(64);

    private static byte[] Mutate(RandomInput random, byte[] bytes) => Encoding.Latin1.GetBytes(random.Mutate(Encoding.Latin1.GetString(bytes)));

    private async Task UnchangedUnlessSucceededAsync(Func<Task<MfaVerificationResult>> step)
    {
        var before = await _host.SnapshotAsync();
        var result = await step();
        if (!result.Succeeded)
        {
            Assert.That(result.FailureReason, Is.Not.EqualTo(MfaFailureReason.None));
            Assert.That(await _host.SnapshotAsync(), Is.EqualTo(before), result.FailureReason.ToString);
        }
    }

    private async Task UnchangedUnlessSucceededAsync(Func<Task<MfaOperationResult>> step)
    {
        var before = await _host.SnapshotAsync();
        var result = await step();
        if (!result.Succeeded)
        {
            Assert.That(await _host.SnapshotAsync(), Is.EqualTo(before), result.FailureReason.ToString);
        }
    }
}
