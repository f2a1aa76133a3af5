using System.Buffers.Text;
using System.Text.Json;
using Mfa.Core;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Tests;

/// <summary>Sign-in through the MFA service: every WebAuthn L3 §7.2 step, one change per test.</summary>
[TestFixture]
public sealed class WebAuthnFactorChallengeTests : WebAuthnHostFixtureBase
{
    private string _authenticatorId = null!;

    [SetUp]
    public async Task SetUpEnrolledKey()
    {
        _authenticatorId = await Host.EnrolledAsync(WebAuthnHarness.Alice, Key);
        Key.SignCount = 1;
    }

    [Test]
    public async Task CompleteChallenge_ValidAssertion_Succeeds()
    {
        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key);

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(result.AuthenticatorId, Is.EqualTo(_authenticatorId));
        Assert.That(result.Proves(WebAuthnHarness.Alice.Id, MfaPurpose.SignIn), Is.True);
    }

    [Test]
    public async Task CompleteChallenge_ValidAssertion_WritesCounterBackupStateAndLastUseInOneUpdate()
    {
        var before = await Host.RecordAsync(_authenticatorId);
        Key.SignCount = 41;

        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key);

        var after = await Host.RecordAsync(_authenticatorId);
        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(after.Version, Is.EqualTo(before.Version + 1));
        Assert.That(after.LastUsedAt, Is.EqualTo(Host.Time.GetUtcNow()));
        Assert.That(Data(after).GetProperty("signCount").GetUInt32(), Is.EqualTo(41));
        var details = result.GetDetails<WebAuthnVerificationDetails>()!;
        Assert.That((details.SignCount, details.UserVerified, details.CounterRollbackDetected), Is.EqualTo((41u, true, false)));
    }

    [Test]
    public async Task CompleteChallenge_CredentialOfAnotherUser_FailsCredentialNotAllowed()
    {
        using var bobKey = new TestAuthenticator(WebAuthnHarness.Origin);
        await Host.EnrolledAsync(WebAuthnHarness.Bob, bobKey);

        var result = await Host.SignInAsync(WebAuthnHarness.Alice, bobKey);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.CredentialNotAllowed));
    }

    [Test]
    public async Task CompleteChallenge_UnknownCredentialId_FailsCredentialNotAllowed()
    {
        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key, a => a.CredentialId = new byte[16]);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.CredentialNotAllowed));
    }

    [Test]
    public async Task CompleteChallenge_UserHandleOfAnotherUser_FailsUserHandleMismatch()
    {
        using var bobKey = new TestAuthenticator(WebAuthnHarness.Origin);
        await Host.EnrolledAsync(WebAuthnHarness.Bob, bobKey);

        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key, a => a.UserHandle = bobKey.UserHandle);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UserHandleMismatch));
    }

    [Test]
    public async Task CompleteChallenge_NoUserHandle_Succeeds()
    {
        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key, a => a.UserHandle = null);

        Assert.That(result.Succeeded, Is.True, result.Message);
    }

    [Test]
    public async Task CompleteChallenge_ClientDataTypeCreate_FailsWrongType()
    {
        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key, a => a.Type = "webauthn.create");

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.WrongType));
    }

    [Test]
    public async Task CompleteChallenge_OtherChallenge_FailsWrongChallenge()
    {
        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key, a => a.Challenge = Base64Url.EncodeToString(new byte[32]));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.WrongChallenge));
    }

    [Test]
    public async Task CompleteChallenge_OriginNotConfigured_FailsOriginNotAllowed()
    {
        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key, a => a.Origin = "https://example.com.evil.example");

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.OriginNotAllowed));
    }

    [Test]
    public async Task CompleteChallenge_CrossOrigin_FailsOriginNotAllowed()
    {
        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key, a => a.CrossOrigin = true);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.OriginNotAllowed));
    }

    [Test]
    public async Task CompleteChallenge_TopOrigin_FailsOriginNotAllowed()
    {
        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key, a => (a.CrossOrigin, a.TopOrigin) = (true, "https://partner.example"));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.OriginNotAllowed));
    }

    [Test]
    public async Task CompleteChallenge_OtherRpIdHash_FailsRelyingPartyMismatch()
    {
        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key, a => a.RpId = "example.org");

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.RelyingPartyMismatch));
    }

    [Test]
    public async Task CompleteChallenge_AppIdOutputNotRequested_FailsRelyingPartyMismatch()
    {
        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key, a => a.ClientExtensionResults = "{\"appid\":true}");

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.RelyingPartyMismatch));
    }

    [Test]
    public async Task CompleteChallenge_UserNotPresent_FailsUserPresenceRequired()
    {
        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key, a => a.Flags &= ~AuthenticatorDataFlags.UserPresent);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UserPresenceRequired));
    }

    [Test]
    public async Task CompleteChallenge_NotVerifiedWhenPreferred_Succeeds()
    {
        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key, a => a.Flags &= ~AuthenticatorDataFlags.UserVerified);

        Assert.That(result.Succeeded, Is.True, result.Message);
    }

    [Test]
    public async Task CompleteChallenge_NotVerifiedWhenRequestRequiresIt_FailsUserVerificationRequired()
    {
        var request = new WebAuthnChallengeRequest(MfaPurpose.StepUp("password-change")) { RequireUserVerification = true };

        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key, a => a.Flags &= ~AuthenticatorDataFlags.UserVerified, request);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UserVerificationRequired));
    }

    [Test]
    public async Task CompleteChallenge_NotVerifiedWhenPolicyRequiresIt_FailsUserVerificationRequired()
    {
        using var host = new WebAuthnHarness(o => o.UserVerification = UserVerificationRequirement.Required);
        using var key = new TestAuthenticator(WebAuthnHarness.Origin);
        await host.EnrolledAsync(WebAuthnHarness.Alice, key);

        var result = await host.SignInAsync(WebAuthnHarness.Alice, key, a => a.Flags &= ~AuthenticatorDataFlags.UserVerified);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UserVerificationRequired));
    }

    [Test]
    public async Task CompleteChallenge_DeviceAuthenticatorNotVerified_FailsUserVerificationRequired()
    {
        using var device = new TestAuthenticator(WebAuthnHarness.Origin);
        await Host.EnrolledAsync(WebAuthnHarness.Bob, device, WebAuthnAuthenticatorKind.Device);

        var result = await Host.SignInAsync(WebAuthnHarness.Bob, device, a => a.Flags &= ~AuthenticatorDataFlags.UserVerified);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UserVerificationRequired));
    }

    [Test]
    public async Task CompleteChallenge_BackupEligibilityAppears_FailsBackupEligibilityChanged()
    {
        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key, a => a.Flags |= AuthenticatorDataFlags.BackupEligible);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.BackupEligibilityChanged));
    }

    [Test]
    public async Task CompleteChallenge_BackupStateWithoutEligibility_FailsMalformedInput()
    {
        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key, a => a.Flags |= AuthenticatorDataFlags.BackupState);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task CompleteChallenge_BackupStateChanges_StoresNewBackupState()
    {
        using var passkey = new TestAuthenticator(WebAuthnHarness.Origin);
        var id = (await Host.EnrollAsync(WebAuthnHarness.Bob, passkey, c => c.Flags |= AuthenticatorDataFlags.BackupEligible)).Authenticator!.Id;

        var result = await Host.SignInAsync(WebAuthnHarness.Bob, passkey, a => a.Flags |= AuthenticatorDataFlags.BackupEligible | AuthenticatorDataFlags.BackupState);

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(Data(await Host.RecordAsync(id)).GetProperty("backupState").GetBoolean(), Is.True);
    }

    [Test]
    public async Task CompleteChallenge_BadSignature_FailsInvalidSignature()
    {
        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key, a => a.CorruptSignature = true);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.InvalidSignature));
    }

    [Test]
    public async Task CompleteChallenge_SignedByAnotherKey_FailsInvalidSignature()
    {
        using var clone = new TestAuthenticator(WebAuthnHarness.Origin) { CredentialId = Key.CredentialId, UserHandle = Key.UserHandle, SignCount = 5 };

        var result = await Host.SignInAsync(WebAuthnHarness.Alice, clone);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.InvalidSignature));
    }

    [TestCase(10u, 10u)]
    [TestCase(10u, 9u)]
    [TestCase(10u, 0u)]
    public async Task CompleteChallenge_CounterDoesNotIncrease_FailsCounterRollback(uint stored, uint reported)
    {
        Key.SignCount = stored;
        await Host.SignInAsync(WebAuthnHarness.Alice, Key);

        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key, a => a.SignCount = reported);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.CounterRollback));
        Assert.That(Data(await Host.RecordAsync(_authenticatorId)).GetProperty("signCount").GetUInt32(), Is.EqualTo(stored));
    }

    [Test]
    public async Task CompleteChallenge_CounterAlwaysZero_Succeeds()
    {
        Key.SignCount = 0;
        await Host.SignInAsync(WebAuthnHarness.Alice, Key, a => a.SignCount = 0);

        var result = await Host.SignInAsync(WebAuthnHarness.Alice, Key, a => a.SignCount = 0);

        Assert.That(result.Succeeded, Is.True, result.Message);
    }

    [Test]
    public async Task CompleteChallenge_CounterRollbackUnderFlagOnly_SucceedsFlaggedAndKeepsCounter()
    {
        using var host = new WebAuthnHarness(o => o.CounterRollback = CounterRollbackPolicy.FlagOnly);
        using var key = new TestAuthenticator(WebAuthnHarness.Origin);
        var id = await host.EnrolledAsync(WebAuthnHarness.Alice, key);
        key.SignCount = 10;
        await host.SignInAsync(WebAuthnHarness.Alice, key);

        var result = await host.SignInAsync(WebAuthnHarness.Alice, key, a => a.SignCount = 3);

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(result.GetDetails<WebAuthnVerificationDetails>()!.CounterRollbackDetected, Is.True);
        var data = Data(await host.RecordAsync(id));
        Assert.That((data.GetProperty("signCount").GetUInt32(), data.GetProperty("counterRollbacks").GetInt32()), Is.EqualTo((10u, 1)));
    }

    [Test]
    public async Task CompleteChallenge_SameCeremonyTwice_SecondFailsAlreadyUsed()
    {
        var (challengeId, optionsJson) = await Host.BeginChallengeAsync(WebAuthnHarness.Alice);
        var response = new WebAuthnChallengeResponse(Key.Assert(optionsJson).ToJson());
        var first = await Host.Mfa.CompleteChallengeAsync(WebAuthnHarness.Alice, challengeId, MfaPurpose.SignIn, response);

        var second = await Host.Mfa.CompleteChallengeAsync(WebAuthnHarness.Alice, challengeId, MfaPurpose.SignIn, response);

        Assert.That(first.Succeeded, Is.True, first.Message);
        Assert.That(second.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
    }

    [Test]
    public async Task CompleteChallenge_ResponseReplayedIntoNewCeremony_FailsWrongChallenge()
    {
        var (challengeId, optionsJson) = await Host.BeginChallengeAsync(WebAuthnHarness.Alice);
        var response = new WebAuthnChallengeResponse(Key.Assert(optionsJson).ToJson());
        await Host.Mfa.CompleteChallengeAsync(WebAuthnHarness.Alice, challengeId, MfaPurpose.SignIn, response);
        var (next, _) = await Host.BeginChallengeAsync(WebAuthnHarness.Alice);

        var replayed = await Host.Mfa.CompleteChallengeAsync(WebAuthnHarness.Alice, next, MfaPurpose.SignIn, response);

        Assert.That(replayed.FailureReason, Is.EqualTo(MfaFailureReason.WrongChallenge));
    }

    [Test]
    public async Task CompleteChallenge_AfterChallengeLifetime_FailsExpired()
    {
        var (challengeId, optionsJson) = await Host.BeginChallengeAsync(WebAuthnHarness.Alice);
        var response = new WebAuthnChallengeResponse(Key.Assert(optionsJson).ToJson());
        Host.Time.Advance(TimeSpan.FromMinutes(3));

        var result = await Host.Mfa.CompleteChallengeAsync(WebAuthnHarness.Alice, challengeId, MfaPurpose.SignIn, response);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.Expired));
    }

    [TestCase("{}")]
    [TestCase("{\"id\":\"AAAA\",\"rawId\":\"AAAB\",\"type\":\"public-key\",\"response\":{}}")]
    [TestCase("{\"id\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\",\"authenticatorData\":\"AA\"}}")]
    [TestCase("{\"id\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\",\"authenticatorData\":\"AA\",\"signature\":\"AA\",\"userHandle\":\"\"}}")]
    [TestCase("{\"id\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\",\"authenticatorData\":\"AA\",\"signature\":\"AA\"},\"clientExtensionResults\":{\"appid\":1}}")]
    public async Task CompleteChallenge_MalformedResponse_FailsMalformedInput(string json)
    {
        var (challengeId, _) = await Host.BeginChallengeAsync(WebAuthnHarness.Alice);

        var result = await Host.Mfa.CompleteChallengeAsync(WebAuthnHarness.Alice, challengeId, MfaPurpose.SignIn, new WebAuthnChallengeResponse(json));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task CompleteChallenge_TruncatedAuthenticatorData_FailsMalformedInput()
    {
        var (challengeId, optionsJson) = await Host.BeginChallengeAsync(WebAuthnHarness.Alice);
        var json = JsonDocument.Parse(Key.Assert(optionsJson).ToJson()).RootElement;
        var response = json.GetRawText().Replace(json.GetProperty("response").GetProperty("authenticatorData").GetString()!, "AAAA", StringComparison.Ordinal);

        var result = await Host.Mfa.CompleteChallengeAsync(WebAuthnHarness.Alice, challengeId, MfaPurpose.SignIn, new WebAuthnChallengeResponse(response));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task CompleteChallenge_OversizedSignature_FailsMalformedInput()
    {
        var (challengeId, optionsJson) = await Host.BeginChallengeAsync(WebAuthnHarness.Alice);
        var json = JsonDocument.Parse(Key.Assert(optionsJson).ToJson()).RootElement;
        var response = json.GetRawText().Replace(json.GetProperty("response").GetProperty("signature").GetString()!, Base64Url.EncodeToString(new byte[4096]), StringComparison.Ordinal);

        var result = await Host.Mfa.CompleteChallengeAsync(WebAuthnHarness.Alice, challengeId, MfaPurpose.SignIn, new WebAuthnChallengeResponse(response));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    private static JsonElement Data(Core.AuthenticatorRecord record) => JsonDocument.Parse(record.Data).RootElement;
}
