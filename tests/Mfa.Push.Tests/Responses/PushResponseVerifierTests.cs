using System.Security.Cryptography;
using System.Text;
using Mfa.Core;
using Mfa.Push.Challenges;
using Mfa.Push.Device;
using Mfa.Push.Responses;

namespace Mfa.Push.Tests.Responses;

/// <summary>Push spec §6 and the failure cases of §10, with real devices enrolled through the protocol.</summary>
[TestFixture]
public sealed class PushResponseVerifierTests
{
    [Test]
    public void Verify_ApprovalWithTheRightNumber_IsApprovedByTheUvKey()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var challenge = host.Challenge(credential);
        var result = host.Verify(PushTestHost.Answer(device, challenge, PushDeviceAction.Approve), challenge, credential);
        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(result.NewStatus, Is.EqualTo(PushChallengeStatus.Approved));
        Assert.That(result.Answer!.UserVerified, Is.True);
        Assert.That(result.Answer.CredentialId, Is.EqualTo(credential.CredentialId));
    }

    [Test]
    public void Verify_ForgedSignature_IsInvalidSignatureAndChangesNothing()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var challenge = host.Challenge(credential);
        var token = PushTestHost.Answer(device, challenge, PushDeviceAction.Approve);
        var parts = token.Split('.');
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = forger.SignData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var result = host.Verify(parts[0] + "." + parts[1] + "." + System.Buffers.Text.Base64Url.EncodeToString(forged), challenge, credential);
        Assert.That(result.Error, Is.EqualTo(PushProtocolError.InvalidSignature));
        Assert.That(result.IsSecurityEvent, Is.True);
        Assert.That(result.NewStatus, Is.Null);
        Assert.That(result.Answer, Is.Null);
    }

    [Test]
    public void Verify_AnotherDeviceOfTheUserNotTargeted_IsUnknownCredential()
    {
        using var host = PushTestHost.Create();
        var (_, first) = host.Enroll(userHandle: "user-handle-0001");
        var (second, secondCredential) = host.Enroll(userHandle: "user-handle-0001");
        var sentToSecond = host.Challenge(secondCredential);
        var challenge = host.Challenge(first);

        // The second device answers the first device's challenge with its own key: the challenge was not sent to it.
        var forged = PushTestHost.Answer(second, sentToSecond, PushDeviceAction.Approve);
        var result = host.Verify(forged, challenge, first, secondCredential);
        Assert.That(result.Error, Is.EqualTo(PushProtocolError.UnknownCredential));
    }

    [Test]
    public void Verify_AnotherDeviceSigningUnderTheTargetsKeyId_IsInvalidSignature()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var (other, _) = host.Enroll();
        var challenge = host.Challenge(credential);
        var token = PushTestHost.Answer(device, challenge, PushDeviceAction.Approve);

        // Re-sign the same header and payload with another enrolled device's key (exported from its key file).
        var parts = token.Split('.');
        using var otherKey = ExportedUvKey(other);
        var signature = otherKey.SignData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var result = host.Verify(parts[0] + "." + parts[1] + "." + System.Buffers.Text.Base64Url.EncodeToString(signature), challenge, credential);
        Assert.That(result.Error, Is.EqualTo(PushProtocolError.InvalidSignature));
    }

    [Test]
    public void Verify_WrongNumber_EndsTheChallengeAsFailedNumber()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var challenge = host.Challenge(credential);
        var wrong = challenge.DisplayNumber == "10" ? "11" : "10";
        var result = host.Verify(PushTestHost.Answer(device, challenge, PushDeviceAction.Approve, wrong), challenge, credential);
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.NumberMismatch));
        Assert.That(result.NewStatus, Is.EqualTo(PushChallengeStatus.FailedNumber));
        Assert.That(result.Answer!.CountsAsFailure, Is.True);
    }

    [Test]
    public void Verify_RightNumberAfterAWrongOne_IsAlreadyAnswered()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var challenge = host.Challenge(credential);
        var wrong = challenge.DisplayNumber == "10" ? "11" : "10";
        var failed = host.Verify(PushTestHost.Answer(device, challenge, PushDeviceAction.Approve, wrong), challenge, credential).Answer;
        var retry = host.Responses.Verify(SignAgain(device, challenge, host.Time), challenge, [credential], failed);
        Assert.That(retry.Error, Is.EqualTo(PushProtocolError.AlreadyAnswered));
    }

    [Test]
    public void Verify_ReplayedAnswer_IsIdempotentAndChangesNothing()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var challenge = host.Challenge(credential);
        var token = PushTestHost.Answer(device, challenge, PushDeviceAction.Approve);
        var first = host.Verify(token, challenge, credential);
        host.Time.Advance(TimeSpan.FromSeconds(10));
        var replay = host.Responses.Verify(token, challenge, [credential], first.Answer);
        Assert.That(replay.IsRepeat, Is.True);
        Assert.That(replay.NewStatus, Is.Null);
        Assert.That(replay.Answer!.FinalizeBy, Is.EqualTo(first.Answer!.FinalizeBy));
    }

    [Test]
    public void Verify_ReplayedAnswerOnAnotherChallenge_IsRefused()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var first = host.Challenge(credential);
        var token = PushTestHost.Answer(device, first, PushDeviceAction.Approve);
        var second = host.Challenge(credential);
        var result = host.Verify(token, second, credential);
        Assert.That(result.Error, Is.EqualTo(PushProtocolError.ClaimMismatch));
    }

    [Test]
    public void Verify_AnswerAfterExpiry_ExpiresTheChallenge()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var challenge = host.Challenge(credential);
        var read = PushTestHost.Read(device, challenge);
        host.Time.Advance(host.Options.AnswerWindow + TimeSpan.FromSeconds(1));
        Assert.That(device.TryAnswer(read, PushDeviceAction.Approve, challenge.DisplayNumber, PushDeviceDenyReason.None, out var token), Is.EqualTo(PushDeviceError.None));
        var result = host.Verify(token, challenge, credential);
        Assert.That(result.Error, Is.EqualTo(PushProtocolError.ChallengeExpired));
        Assert.That(result.NewStatus, Is.EqualTo(PushChallengeStatus.Expired));
        Assert.That(result.DeviceStatusCode, Is.EqualTo(410));
    }

    [Test]
    public void Verify_DeviceClockOff_IsStaleResponse()
    {
        // The device signs at T; the verifier checks at T + 121 s (the clocks differ by more than the 120 s skew) while
        // the challenge, with the longest answer window, is still open. A fake clock only moves forward.
        using var host = PushTestHost.Create(o => o.AnswerWindow = TimeSpan.FromSeconds(300));
        var (device, credential) = host.Enroll();
        var challenge = host.Challenge(credential);
        var read = PushTestHost.Read(device, challenge);
        Assert.That(device.TryAnswer(read, PushDeviceAction.Deny, null, PushDeviceDenyReason.None, out var token), Is.EqualTo(PushDeviceError.None));
        host.Time.Advance(TimeSpan.FromSeconds(121));
        var result = host.Verify(token, challenge, credential);
        Assert.That(result.Error, Is.EqualTo(PushProtocolError.StaleResponse));
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ClockSkew));
    }

    [Test]
    public void Verify_AnswerForAnotherUser_IsRefused()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll(userHandle: "alice-handle-0001");
        var (_, bob) = host.Enroll(userHandle: "bob-handle-00001");
        var alices = host.Challenge(credential);
        var bobs = host.Challenge(bob);

        // Alice's device's answer to her challenge, submitted for Bob's: the key id names no device targeted by it.
        var result = host.Verify(PushTestHost.Answer(device, alices, PushDeviceAction.Approve), bobs, credential, bob);
        Assert.That(result.Error, Is.EqualTo(PushProtocolError.UnknownCredential));
    }

    [Test]
    public void Verify_CredentialMovedToAnotherUser_IsUnknownCredential()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll(userHandle: "alice-handle-0001");
        var challenge = host.Challenge(credential);
        var token = PushTestHost.Answer(device, challenge, PushDeviceAction.Approve);
        var result = host.Verify(token, challenge, credential with { UserHandle = "bob-handle-00001" });
        Assert.That(result.Error, Is.EqualTo(PushProtocolError.UnknownCredential));
    }

    [Test]
    public void Verify_AnswerForAnotherPurpose_IsRefused()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var signIn = host.Challenge(new PushContext { Transaction = PushTransactionType.Login }, credential);
        var reset = host.Challenge(new PushContext { Transaction = PushTransactionType.Reset }, credential);
        var result = host.Verify(PushTestHost.Answer(device, signIn, PushDeviceAction.Approve), reset, credential);
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
    }

    [Test]
    public void Verify_TokenOfTheSameChallengeIdButAnotherContext_IsChallengeHashMismatch()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var shown = host.Challenge(credential);
        var token = PushTestHost.Answer(device, shown, PushDeviceAction.Approve);

        // Same id, nonce and number, but the verifier's record holds a token with another context (what the user did not see).
        var other = host.Issuer.Issue(shown.ChallengeId, shown.Nonce, shown.NumberMatching, shown.DisplayNumber, null, [credential], new PushContext { Application = "Other app" }, shown.CreatedAt);
        var result = host.Verify(token, other, credential);
        Assert.That(result.Error, Is.EqualTo(PushProtocolError.ChallengeHashMismatch));
    }

    [Test]
    public void Verify_Deny_IsDeniedWithTheReason()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var challenge = host.Challenge(credential);
        var result = host.Verify(PushTestHost.Answer(device, challenge, PushDeviceAction.Deny, reason: PushDeviceDenyReason.Cancelled), challenge, credential);
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.Denied));
        Assert.That(result.NewStatus, Is.EqualTo(PushChallengeStatus.Denied));
        Assert.That(result.Answer!.Reason, Is.EqualTo(PushDenyReason.Cancelled));
        Assert.That(result.Answer.UserVerified, Is.False);
    }

    [Test]
    public void Verify_DenyNotMeWithDenyMeansReport_IsFraudReported()
    {
        using var host = PushTestHost.Create(o => o.DenyMeansReport = true);
        var (device, credential) = host.Enroll();
        var challenge = host.Challenge(credential);
        var result = host.Verify(PushTestHost.Answer(device, challenge, PushDeviceAction.Deny, reason: PushDeviceDenyReason.NotMe), challenge, credential);
        Assert.That(result.NewStatus, Is.EqualTo(PushChallengeStatus.FraudReported));
        Assert.That(result.IsSecurityEvent, Is.True);
    }

    [Test]
    public void Verify_FraudReport_IsFraudReportedAndASecurityEvent()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var challenge = host.Challenge(credential);
        var result = host.Verify(PushTestHost.Answer(device, challenge, PushDeviceAction.Report), challenge, credential);
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.FraudReported));
        Assert.That(result.Answer!.Reason, Is.EqualTo(PushDenyReason.NotMe));
        Assert.That(result.IsSecurityEvent, Is.True);
    }

    [Test]
    public void Verify_FirstOfTwoDevicesWins_SecondIsAlreadyAnswered()
    {
        using var host = PushTestHost.Create();
        var (phone, phoneCredential) = host.Enroll(userHandle: "user-handle-0001");
        var (tablet, tabletCredential) = host.Enroll(userHandle: "user-handle-0001");
        var challenge = host.Challenge(phoneCredential, tabletCredential);
        var approve = host.Verify(PushTestHost.Answer(phone, challenge, PushDeviceAction.Approve), challenge, phoneCredential, tabletCredential);
        var deny = host.Responses.Verify(PushTestHost.Answer(tablet, challenge, PushDeviceAction.Deny), challenge, [phoneCredential, tabletCredential], approve.Answer);
        Assert.That(approve.Succeeded, Is.True);
        Assert.That(deny.Error, Is.EqualTo(PushProtocolError.AlreadyAnswered));
        Assert.That(deny.DeviceStatusCode, Is.EqualTo(409));
    }

    [Test]
    public void Verify_RevokedDevice_IsUnknownCredential()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var challenge = host.Challenge(credential);
        var token = PushTestHost.Answer(device, challenge, PushDeviceAction.Approve);
        var result = host.Verify(token, challenge, credential with { Status = PushDeviceStatus.Revoked });
        Assert.That(result.Error, Is.EqualTo(PushProtocolError.UnknownCredential));
    }

    [Test]
    public void Verify_DeviceWithoutUvKey_ApprovesAsSingleFactor()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll(withUvKey: false);
        var challenge = host.Challenge(credential);
        Assert.That(challenge.Targets[0].UserVerification, Is.EqualTo(PushUserVerification.Discouraged));
        var result = host.Verify(PushTestHost.Answer(device, challenge, PushDeviceAction.Approve), challenge, credential);
        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.Answer!.UserVerified, Is.False);
    }

    [Test]
    public void Verify_ChooseMode_ApprovesWithTheRightOption()
    {
        using var host = PushTestHost.Create(o => o.NumberMatching = PushNumberMatching.Choose);
        var (device, credential) = host.Enroll();
        var challenge = host.Challenge(credential);
        var read = PushTestHost.Read(device, challenge);
        Assert.That(read.NumberOptions, Has.Count.EqualTo(3).And.Contains(challenge.DisplayNumber).And.Unique);
        var result = host.Verify(PushTestHost.Answer(device, challenge, PushDeviceAction.Approve), challenge, credential);
        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public void Verify_OffMode_ApprovesWithoutANumber()
    {
        using var host = PushTestHost.Create(o => o.NumberMatching = PushNumberMatching.Off);
        var (device, credential) = host.Enroll();
        var challenge = host.Challenge(credential);
        Assert.That(challenge.DisplayNumber, Is.Null);
        var read = PushTestHost.Read(device, challenge);
        Assert.That(device.TryAnswer(read, PushDeviceAction.Approve, null, PushDeviceDenyReason.None, out var token), Is.EqualTo(PushDeviceError.None));
        Assert.That(host.Verify(token, challenge, credential).Succeeded, Is.True);
    }

    [Test]
    public void Verify_ApprovalWithoutANumberInEnterMode_IsNumberMismatch()
    {
        using var host = PushTestHost.Create(o => o.NumberMatching = PushNumberMatching.Off);
        var (device, credential) = host.Enroll();
        var shown = host.Challenge(credential);
        var token = PushTestHost.Answer(device, shown, PushDeviceAction.Approve, number: null);

        // The same token checked against a record that required a number (a device that skipped the number prompt).
        var strict = shown with { NumberMatching = PushNumberMatching.Enter, DisplayNumber = "42" };
        var result = host.Verify(token, strict, credential);
        Assert.That(result.Error, Is.EqualTo(PushProtocolError.NumberMismatch));
    }

    [Test]
    public void Verify_TokenLongerThan8KiB_IsMalformed()
    {
        using var host = PushTestHost.Create();
        var (_, credential) = host.Enroll();
        var challenge = host.Challenge(credential);
        var result = host.Verify(new string('a', 8193), challenge, credential);
        Assert.That(result.Error, Is.EqualTo(PushProtocolError.Malformed));
    }

    [TestCase("{\"alg\":\"ES256\",\"typ\":\"mfa-push-resp+jwt\",\"kid\":\"K\",\"crit\":[\"x\"]}", Description = "crit")]
    [TestCase("{\"alg\":\"ES256\",\"typ\":\"mfa-push-resp+jwt\",\"kid\":\"K\",\"jku\":\"https://x\"}", Description = "jku")]
    [TestCase("{\"alg\":\"ES256\",\"typ\":\"mfa-push-resp+jwt\",\"kid\":\"K\",\"kid\":\"K\"}", Description = "duplicate kid")]
    [TestCase("{\"alg\":\"ES256\",\"typ\":\"mfa-push-resp+jwt\"}", Description = "no kid")]
    public void Verify_HeaderNotAllowed_IsMalformed(string header)
    {
        using var host = PushTestHost.Create();
        var (_, credential) = host.Enroll();
        var challenge = host.Challenge(credential);
        var token = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.Replace("\"K\"", "\"" + credential.CredentialId + "\"", StringComparison.Ordinal))) + ".e30." + new string('A', 86);
        Assert.That(host.Verify(token, challenge, credential).Error, Is.EqualTo(PushProtocolError.Malformed));
    }

    [Test]
    public void Verify_PayloadWithDuplicateMember_IsMalformedEvenIfSigned()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var challenge = host.Challenge(credential);
        var token = PushTestHost.Answer(device, challenge, PushDeviceAction.Deny);
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
        var duplicated = payload.Replace("\"act\":\"deny\"", "\"act\":\"deny\",\"act\":\"approve\"", StringComparison.Ordinal);
        using var key = ExportedPossessionKey(device);
        var input = parts[0] + "." + System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(duplicated));
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var result = host.Verify(input + "." + System.Buffers.Text.Base64Url.EncodeToString(signature), challenge, credential);
        Assert.That(result.Error, Is.EqualTo(PushProtocolError.Malformed));
    }

    private static string SignAgain(PushDevice device, PushChallengeState challenge, TimeProvider time)
    {
        // A device that forgot it answered: import its key file without the answered list.
        var export = System.Text.Json.Nodes.JsonNode.Parse(device.Export())!.AsObject();
        export.Remove("answered");
        Assert.That(PushDevice.TryImport(export.ToJsonString(), out var copy, time), Is.True);
        using (copy)
        {
            return PushTestHost.Answer(copy!, challenge, PushDeviceAction.Approve);
        }
    }

    private static ECDsa ExportedPossessionKey(PushDevice device) => ImportJwk(System.Text.Json.Nodes.JsonNode.Parse(device.Export())!["possession"]!);

    private static ECDsa ExportedUvKey(PushDevice device) => ImportJwk(System.Text.Json.Nodes.JsonNode.Parse(device.Export())!["uv"]!);

    private static ECDsa ImportJwk(System.Text.Json.Nodes.JsonNode jwk) => ECDsa.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = System.Buffers.Text.Base64Url.DecodeFromChars(TestData.Str(jwk["x"])), Y = System.Buffers.Text.Base64Url.DecodeFromChars(TestData.Str(jwk["y"])) },
        D = System.Buffers.Text.Base64Url.DecodeFromChars(TestData.Str(jwk["d"])),
    });
}
