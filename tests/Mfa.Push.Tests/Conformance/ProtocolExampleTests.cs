using Mfa.Core;
using Mfa.Push.Challenges;
using Mfa.Push.Device;
using Mfa.Push.Enrollment;
using Mfa.Push.Jose;
using Mfa.Push.Responses;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Push.Tests.Conformance;

/// <summary>Every case of shared/conformance/push/mfa-push-protocol-v1-example.json.</summary>
[TestFixture]
public sealed class ProtocolExampleTests
{
    private static readonly Example s_example = new();

    private static long ResponsesNow => TestData.Example["responses"]!["now_unix"]!.GetValue<long>();

    [Test]
    public void EnrollmentLink_ExampleQrUri_ParsesEveryField()
    {
        var enrollment = TestData.Example["enrollment"]!;
        Assert.That(PushEnrollmentLink.TryParse(TestData.Str(enrollment["qr_uri"]), out var link, out var error), Is.True, error.ToString());
        Assert.That(link!.Url.AbsoluteUri, Is.EqualTo("https://login.example.com/mfa/push/v1/enroll"));
        Assert.That(link.VerifierId, Is.EqualTo(PushTestHost.Example.VerifierId));
        Assert.That(link.EnrollmentId, Is.EqualTo(TestData.Str(TestData.Example["values"]!["enrollmentId"])));
        Assert.That(link.Token, Is.EqualTo(TestData.Str(TestData.Example["values"]!["enrollmentToken"])));
        Assert.That(link.Issuer, Is.EqualTo("Contoso"));
        Assert.That(link.Account, Is.EqualTo("alice@example.com"));
        Assert.That(link.ServerKeyHash, Is.EqualTo(TestData.Str(TestData.Example["keys"]!["server_challenge_key"]!["skh"])));
    }

    [Test]
    public void Begin_ExampleOptions_MintsAQrUriOfTheExampleShape()
    {
        using var serverKey = PushTestHost.Example.PrivateKey("server_challenge_key");
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1767225600));
        var start = new PushEnrollment(PushTestHost.Example.Options(serverKey), time).Begin("alice@example.com");
        var expected = TestData.Str(TestData.Example["enrollment"]!["qr_uri"]);
        string Strip(string uri, string eid, string t) => uri.Replace(eid, "EID", StringComparison.Ordinal).Replace(t, "T", StringComparison.Ordinal);
        Assert.That(PushEnrollmentLink.TryParse(start.Uri, out var link, out _), Is.True);
        Assert.That(
            Strip(start.Uri, link!.EnrollmentId, link.Token),
            Is.EqualTo(Strip(expected, TestData.Str(TestData.Example["values"]!["enrollmentId"]), TestData.Str(TestData.Example["values"]!["enrollmentToken"]))));
        Assert.That(start.State.TokenHash, Is.EqualTo(PushEnrollment.HashToken(link.Token)));
        Assert.That(start.ExpiresAt, Is.EqualTo(time.GetUtcNow().AddMinutes(10)));
    }

    [Test]
    public void Verify_ExampleEnrollmentRequest_BindsTheDeviceAndAnswersTheExampleBody()
    {
        var result = s_example.VerifyEnrollment(TestData.Str(TestData.Example["enrollment"]!["request"]!["token"]), now: 1767225650);
        Assert.That(result.Succeeded, Is.True, result.Message);
        var credential = result.Credential!;
        Assert.That(credential.PossessionKey, Is.EqualTo(PushTestHost.Example.PublicKey("device_possession_key")));
        Assert.That(credential.UvKey, Is.EqualTo(PushTestHost.Example.PublicKey("device_uv_key")));
        Assert.That(credential.UserHandle, Is.EqualTo(PushTestHost.Example.UserHandle));
        Assert.That(credential.Address!.Kind, Is.EqualTo(Mfa.Push.Transports.PushAddressKind.Fcm));
        Assert.That(credential.Address.Target, Is.EqualTo("fcm-registration-token-example"));
        Assert.That(credential.DisplayName, Is.EqualTo("Test phone"));
        Assert.That(result.Jti, Is.EqualTo("_ugFxm2hQHi2XvAq2LpgmQ"));
        var body = result.ResponseJson!.Replace(credential.CredentialId, PushTestHost.Example.CredentialId, StringComparison.Ordinal);
        Assert.That(body, Is.EqualTo(TestData.Str(TestData.Example["enrollment"]!["server_response_json"])));
    }

    [Test]
    public void CompleteEnrollment_ExampleServerResponse_PinsTheServerKey()
    {
        using var device = PushDevice.Create();
        Assert.That(PushEnrollmentLink.TryParse(TestData.Str(TestData.Example["enrollment"]!["qr_uri"]), out var link, out _), Is.True);
        Assert.That(device.CompleteEnrollment(link!, TestData.Str(TestData.Example["enrollment"]!["server_response_json"])), Is.EqualTo(PushDeviceError.None));
        Assert.That(device.CredentialId, Is.EqualTo(PushTestHost.Example.CredentialId));
        Assert.That(device.ChallengesEndpoint!.AbsoluteUri, Is.EqualTo("https://login.example.com/mfa/push/v1/challenges"));
    }

    [Test]
    public void WritePayload_ExampleChallenge_IsTheExamplePayloadByteForByte()
    {
        using var serverKey = PushTestHost.Example.PrivateKey("server_challenge_key");
        var issuer = new PushChallengeIssuer(PushTestHost.Example.Options(serverKey), new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var context = new PushContext
        {
            Application = "Contoso Portal",
            IpAddress = "203.0.113.7",
            Location = new PushLocation("Berlin", null, "DE"),
            UserAgent = "Firefox on Windows",
            AccountLabel = "alice@example.com",
            Transaction = PushTransactionType.Login,
        };
        var payload = JwsWriter.JsonString(w => issuer.WritePayload(
            w,
            TestData.Str(TestData.Example["values"]!["cid"]),
            TestData.Str(TestData.Example["values"]!["nonce"]),
            PushTestHost.Example.Credential(),
            DateTimeOffset.FromUnixTimeSeconds(1767229200),
            DateTimeOffset.FromUnixTimeSeconds(1767229320),
            context,
            PushNumberMatching.Enter,
            null,
            PushUserVerification.Required));
        Assert.That(payload, Is.EqualTo(TestData.Str(TestData.Example["challenge"]!["payload_json"])));
    }

    [Test]
    public void ChallengeHash_ExampleChallengeToken_IsTheExampleChal() =>
        Assert.That(
            PushChallengeIssuer.ChallengeHash(TestData.Str(TestData.Example["challenge"]!["token"])),
            Is.EqualTo(TestData.Str(TestData.Example["challenge"]!["chal_sha256_of_token_ascii"])));

    [Test]
    public void ReadChallenge_ExampleChallengeToken_VerifiesOnTheDevice()
    {
        using var device = PushTestHost.Example.Device(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1767229210)));
        var read = device.ReadChallenge(TestData.Str(TestData.Example["challenge"]!["token"]));
        Assert.That(read.Error, Is.EqualTo(PushDeviceError.None));
        Assert.That(read.Challenge!.ChallengeId, Is.EqualTo(TestData.Str(TestData.Example["values"]!["cid"])));
        Assert.That(read.Challenge.NumberMode, Is.EqualTo("enter"));
        Assert.That(read.Challenge.NumberLength, Is.EqualTo(2));
        Assert.That(read.Challenge.Application, Is.EqualTo("Contoso Portal"));
        Assert.That(read.Challenge.ApproximateLocation, Is.EqualTo("Berlin, DE"));
        Assert.That(read.Challenge.UserVerification, Is.EqualTo("required"));
    }

    [Test]
    public void ReadChallenge_ExampleChallengeWithoutTheNumber_NeverCarriesTheDisplayNumber() =>
        Assert.That(TestData.Str(TestData.Example["challenge"]!["payload_json"]), Does.Not.Contain("\"42\""));

    [TestCase("fcm_data")]
    [TestCase("webpush_plaintext_json")]
    [TestCase("apns_custom_keys")]
    public void TryParse_ExamplePushPayload_GivesTheIds(string name)
    {
        var json = TestData.Example["challenge"]!["push_payloads"]![name]!.ToJsonString();
        Assert.That(PushDeviceNotification.TryParse(json, out var notification), Is.True);
        Assert.That(notification!.ChallengeId, Is.EqualTo(TestData.Str(TestData.Example["values"]!["cid"])));
        Assert.That(notification.CredentialId, Is.EqualTo(PushTestHost.Example.CredentialId));
        Assert.That(notification.ChallengeToken, name == "webpush_plaintext_json" ? Is.EqualTo(TestData.Str(TestData.Example["challenge"]!["token"])) : Is.Null);
    }

    [Test]
    public void Verify_ExampleFetchProof_Accepts()
    {
        var proof = TestData.Str(TestData.Example["device_fetch_proof"]!["token"]);
        Assert.That(PushRequestProofVerifier.TryReadCredentialId(proof, out var credentialId), Is.True);
        Assert.That(credentialId, Is.EqualTo(PushTestHost.Example.CredentialId));
        var result = s_example.VerifyProof(proof, "GET", new Uri("https://login.example.com/mfa/push/v1/challenges/G1tiBrhKQ_Q9kNfN2FqMaQ"), now: 1767229212);
        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(result.Jti, Is.EqualTo("Ktlg4IZ-vWD__ZsvAoxTiA"));
    }

    [Test]
    public void Verify_ExampleFetchProofForAnotherUrl_IsRefused()
    {
        var result = s_example.VerifyProof(TestData.Str(TestData.Example["device_fetch_proof"]!["token"]), "GET", new Uri("https://login.example.com/mfa/push/v1/challenges"), now: 1767229212);
        Assert.That(result.Error, Is.EqualTo(PushProtocolError.ProofMismatch));
    }

    [Test]
    public void Verify_ExampleFetchProofTooLate_IsRefused()
    {
        var result = s_example.VerifyProof(TestData.Str(TestData.Example["device_fetch_proof"]!["token"]), "GET", new Uri("https://login.example.com/mfa/push/v1/challenges/G1tiBrhKQ_Q9kNfN2FqMaQ"), now: 1767229210 + 61);
        Assert.That(result.Error, Is.EqualTo(PushProtocolError.StaleResponse));
    }

    public static IEnumerable<TestCaseData> ResponseCases()
    {
        yield return Case(0, PushProtocolError.None, MfaFailureReason.None, PushChallengeStatus.Approved);
        yield return Case(1, PushProtocolError.None, MfaFailureReason.None, null);
        yield return Case(2, PushProtocolError.AlreadyAnswered, MfaFailureReason.ChallengeAlreadyUsed, null);
        yield return Case(3, PushProtocolError.NumberMismatch, MfaFailureReason.NumberMismatch, PushChallengeStatus.FailedNumber);
        yield return Case(4, PushProtocolError.UvRequired, MfaFailureReason.UserVerificationRequired, null);
        yield return Case(5, PushProtocolError.None, MfaFailureReason.Denied, PushChallengeStatus.Denied);
        yield return Case(6, PushProtocolError.None, MfaFailureReason.FraudReported, PushChallengeStatus.FraudReported);
        yield return Case(7, PushProtocolError.NonceMismatch, MfaFailureReason.WrongChallenge, null);
        yield return Case(8, PushProtocolError.ChallengeHashMismatch, MfaFailureReason.WrongChallenge, null);
        yield return Case(9, PushProtocolError.InvalidSignature, MfaFailureReason.InvalidSignature, null);
        yield return Case(10, PushProtocolError.MalformedSignature, MfaFailureReason.MalformedInput, null);
        yield return Case(11, PushProtocolError.UnsupportedAlg, MfaFailureReason.UnsupportedAlgorithm, null);
        yield return Case(12, PushProtocolError.WrongTyp, MfaFailureReason.WrongType, null);
        yield return Case(13, PushProtocolError.ChallengeExpired, MfaFailureReason.Expired, PushChallengeStatus.Expired);

        static TestCaseData Case(int index, PushProtocolError error, MfaFailureReason reason, PushChallengeStatus? status) =>
            new TestCaseData(index, error, reason, status).SetName($"Verify_ExampleResponseCase{index:00}_{error}_{reason}");
    }

    [TestCaseSource(nameof(ResponseCases))]
    public void Verify_ExampleResponseCase_HasTheExpectedOutcome(int index, PushProtocolError error, MfaFailureReason reason, PushChallengeStatus? newStatus)
    {
        var testCase = TestData.Example["responses"]!["cases"]![index]!;
        var now = testCase["now_unix"]?.GetValue<long>() ?? ResponsesNow;

        // Cases 1 and 2 run against the challenge after case 0's approval was recorded.
        var recorded = index is 1 or 2 ? s_example.VerifyResponse(TestData.Str(TestData.Example["responses"]!["cases"]![0]!["token"]), ResponsesNow, null).Answer : null;
        var result = s_example.VerifyResponse(TestData.Str(testCase["token"]), now, recorded);

        Assert.That(result.Error, Is.EqualTo(error), TestData.Str(testCase["case"]));
        Assert.That(result.FailureReason, Is.EqualTo(reason));
        Assert.That(result.NewStatus, Is.EqualTo(newStatus));
        Assert.That(result.IsRepeat, Is.EqualTo(index == 1));
    }

    [Test]
    public void Verify_ExampleApproval_RecordsTheAnswer()
    {
        var result = s_example.VerifyResponse(TestData.Str(TestData.Example["responses"]!["cases"]![0]!["token"]), ResponsesNow, null);
        Assert.That(result.Succeeded, Is.True);
        var answer = result.Answer!;
        Assert.That(answer.KeyId, Is.EqualTo(PushTestHost.Example.CredentialId + ".uv"));
        Assert.That(answer.UserVerified, Is.True);
        Assert.That(answer.Jti, Is.EqualTo("TuhTsluhROXk541P1atj0w"));
        Assert.That(answer.FinalizeBy, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(ResponsesNow + 60)));
        Assert.That(answer.ReplayKeepUntil, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1767229290 + 120)));
        Assert.That(result.DeviceResponseJson, Is.EqualTo("{\"status\":\"approved\"}"));
    }

    [Test]
    public void Verify_ExampleRepeat_AnswersTheStoredOutcomeWithoutChange()
    {
        var token = TestData.Str(TestData.Example["responses"]!["cases"]![0]!["token"]);
        var first = s_example.VerifyResponse(token, ResponsesNow, null).Answer;
        var repeat = s_example.VerifyResponse(token, ResponsesNow + 5, first);
        Assert.That(repeat.IsRepeat, Is.True);
        Assert.That(repeat.Answer, Is.SameAs(first));
        Assert.That(repeat.NewStatus, Is.Null);
        Assert.That(repeat.Answer!.FinalizeBy, Is.EqualTo(first!.FinalizeBy));
    }

    [Test]
    public void Verify_ExampleDeny_RecordsReasonCancelled()
    {
        var result = s_example.VerifyResponse(TestData.Str(TestData.Example["responses"]!["cases"]![5]!["token"]), ResponsesNow, null);
        Assert.That(result.Answer!.Reason, Is.EqualTo(PushDenyReason.Cancelled));
        Assert.That(result.Answer.CountsAsFailure, Is.True);
        Assert.That(result.DeviceResponseJson, Is.EqualTo("{\"status\":\"denied\"}"));
    }

    [Test]
    public void Verify_ExampleFraudReport_IsASecurityEvent()
    {
        var result = s_example.VerifyResponse(TestData.Str(TestData.Example["responses"]!["cases"]![6]!["token"]), ResponsesNow, null);
        Assert.That(result.IsSecurityEvent, Is.True);
        Assert.That(result.DeviceResponseJson, Is.EqualTo("{\"status\":\"reported\"}"));
    }

    [Test]
    public void Verify_ExampleWrongNumber_AnswersNumberMismatchWith403()
    {
        var result = s_example.VerifyResponse(TestData.Str(TestData.Example["responses"]!["cases"]![3]!["token"]), ResponsesNow, null);
        Assert.That(result.DeviceStatusCode, Is.EqualTo(403));
        Assert.That(result.DeviceResponseJson, Is.EqualTo("{\"error\":\"number_mismatch\"}"));
        Assert.That(result.Answer!.CountsAsFailure, Is.True);
    }

    /// <summary>The example's verifier: its server key, device and challenge.</summary>
    private sealed class Example
    {
        public PushEnrollmentResult VerifyEnrollment(string token, long now)
        {
            using var serverKey = PushTestHost.Example.PrivateKey("server_challenge_key");
            var state = new PushEnrollmentState
            {
                EnrollmentId = TestData.Str(TestData.Example["values"]!["enrollmentId"]),
                TokenHash = TestData.Str(TestData.Example["values"]!["enrollmentTokenSha256"]),
                UserHandle = PushTestHost.Example.UserHandle,
                ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(1767225600 + 600),
            };
            return new PushEnrollment(PushTestHost.Example.Options(serverKey), new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now))).Verify(token, state, 0);
        }

        public PushProofResult VerifyProof(string proof, string method, Uri uri, long now)
        {
            using var serverKey = PushTestHost.Example.PrivateKey("server_challenge_key");
            return new PushRequestProofVerifier(PushTestHost.Example.Options(serverKey), new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)))
                .Verify(proof, method, uri, PushTestHost.Example.Credential());
        }

        public PushResponseResult VerifyResponse(string token, long now, PushAnswer? recorded)
        {
            using var serverKey = PushTestHost.Example.PrivateKey("server_challenge_key");
            return new PushResponseVerifier(PushTestHost.Example.Options(serverKey), new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)))
                .Verify(token, PushTestHost.Example.Challenge(), [PushTestHost.Example.Credential()], recorded);
        }
    }
}
