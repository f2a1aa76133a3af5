using System.Buffers.Text;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Mfa.Core;
using Mfa.Core.Service;
using Mfa.WebAuthn.Cose;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Tests;

/// <summary>Registration through the MFA service and the factor: every WebAuthn L3 §7.1 step, one change per test.</summary>
[TestFixture]
public sealed class WebAuthnFactorEnrollmentTests : WebAuthnHostFixtureBase
{
    [Test]
    public async Task CompleteEnrollment_ValidResponse_StoresCredentialRecord()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key);

        Assert.That(result.Succeeded, Is.True, result.Message);
        var record = await Host.RecordAsync(result.Authenticator!.Id);
        using var data = JsonDocument.Parse(record.Data);
        var root = data.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(record.CredentialId, Is.EqualTo(Key.CredentialIdText));
            Assert.That(record.Name, Is.EqualTo("Security key"));
            Assert.That(root.GetProperty("kind").GetString(), Is.EqualTo("security-key"));
            Assert.That(root.GetProperty("publicKey").GetString(), Is.EqualTo(Base64Url.EncodeToString(Key.CosePublicKey())));
            Assert.That(root.GetProperty("alg").GetInt32(), Is.EqualTo(-7));
            Assert.That(root.GetProperty("signCount").GetUInt32(), Is.Zero);
            Assert.That(root.GetProperty("aaguid").GetString(), Is.EqualTo(Guid.Empty.ToString()));
            Assert.That(root.GetProperty("fmt").GetString(), Is.EqualTo("none"));
            Assert.That(root.GetProperty("attestationType").GetString(), Is.EqualTo("none"));
            Assert.That(root.GetProperty("transports")[0].GetString(), Is.EqualTo("usb"));
            Assert.That(root.GetProperty("backupEligible").GetBoolean(), Is.False);
            Assert.That(root.GetProperty("userHandle").GetString(), Is.EqualTo(Base64Url.EncodeToString(Key.UserHandle)));
        });
    }

    [Test]
    public async Task CompleteEnrollment_PackedSelfAttestation_ReportsSelf()
    {
        var result = await CompleteWithFactorAsync(c => c.Format = "packed");

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(result.Data.GetProperty("attestationType").GetString(), Is.EqualTo("self"));
    }

    [Test]
    public async Task CompleteEnrollment_PackedWithCertificate_ReportsTrustPath()
    {
        using var certificates = new TestCertificates(Host.Time.GetUtcNow().AddDays(-10), Host.Time.GetUtcNow().AddDays(10));

        var result = await CompleteWithFactorAsync(c => (c.Format, c.Attestation) = ("packed", certificates));

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(result.Data.GetProperty("attestationType").GetString(), Is.EqualTo("basic-or-attca"));
        Assert.That(result.Data.TryGetProperty("trusted", out var trusted) && trusted.ValueKind != JsonValueKind.Null, Is.False);
    }

    [Test]
    public async Task CompleteEnrollment_CertificateExpiredAtTimeProviderTime_FailsCertificateInvalid()
    {
        using var certificates = new TestCertificates(Host.Time.GetUtcNow().AddDays(-10), Host.Time.GetUtcNow().AddDays(10));
        Host.Time.Advance(TimeSpan.FromDays(11));

        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => (c.Format, c.Attestation) = ("packed", certificates));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.CertificateInvalid));
    }

    [Test]
    public async Task CompleteEnrollment_TrustRequiredAndPathChainsToAnchor_ReportsTrusted()
    {
        using var certificates = new TestCertificates(DateTimeOffset.UnixEpoch.AddYears(55), DateTimeOffset.UnixEpoch.AddYears(57));
        using var host = TrustingHost(certificates.Root);
        using var key = new TestAuthenticator(WebAuthnHarness.Origin);

        var result = await CompleteWithFactorAsync(host, key, c => (c.Format, c.Attestation) = ("packed", certificates));

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(result.Data.GetProperty("trusted").GetBoolean(), Is.True);
    }

    [Test]
    public async Task CompleteEnrollment_TrustRequiredAndAnotherAnchor_FailsUntrusted()
    {
        using var certificates = new TestCertificates(DateTimeOffset.UnixEpoch.AddYears(55), DateTimeOffset.UnixEpoch.AddYears(57));
        using var other = new TestCertificates(DateTimeOffset.UnixEpoch.AddYears(55), DateTimeOffset.UnixEpoch.AddYears(57));
        using var host = TrustingHost(other.Root);
        using var key = new TestAuthenticator(WebAuthnHarness.Origin);

        var result = await host.EnrollAsync(WebAuthnHarness.Alice, key, c => (c.Format, c.Attestation) = ("packed", certificates));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UntrustedAttestation));
    }

    [Test]
    public async Task CompleteEnrollment_TrustRequiredAndNoneAttestation_FailsUntrusted()
    {
        using var certificates = new TestCertificates(DateTimeOffset.UnixEpoch.AddYears(55), DateTimeOffset.UnixEpoch.AddYears(57));
        using var host = TrustingHost(certificates.Root);
        using var key = new TestAuthenticator(WebAuthnHarness.Origin);

        var result = await host.EnrollAsync(WebAuthnHarness.Alice, key);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UntrustedAttestation));
    }

    [Test]
    public async Task CompleteEnrollment_ClientDataTypeGet_FailsWrongType()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.Type = "webauthn.get");

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.WrongType));
    }

    [Test]
    public async Task CompleteEnrollment_OtherChallenge_FailsWrongChallenge()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.Challenge = Base64Url.EncodeToString(new byte[32]));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.WrongChallenge));
    }

    [Test]
    public async Task CompleteEnrollment_ChallengeWithExtraCharacter_FailsWrongChallenge()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.Challenge += "A");

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.WrongChallenge));
    }

    [Test]
    public async Task CompleteEnrollment_OriginNotConfigured_FailsOriginNotAllowed()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.Origin = "https://evil.example");

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.OriginNotAllowed));
    }

    [Test]
    public async Task CompleteEnrollment_CrossOriginNotAllowed_FailsOriginNotAllowed()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.CrossOrigin = true);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.OriginNotAllowed));
    }

    [Test]
    public async Task CompleteEnrollment_CrossOriginAllowed_Succeeds()
    {
        using var host = new WebAuthnHarness(o => o.AllowCrossOrigin = true);

        var result = await host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.CrossOrigin = true);

        Assert.That(result.Succeeded, Is.True, result.Message);
    }

    [Test]
    public async Task CompleteEnrollment_TopOriginNotListed_FailsOriginNotAllowed()
    {
        using var host = new WebAuthnHarness(o => (o.AllowCrossOrigin, o.AllowedTopOrigins) = (true, ["https://partner.example"]));

        var result = await host.EnrollAsync(WebAuthnHarness.Alice, Key, c => (c.CrossOrigin, c.TopOrigin) = (true, "https://other.example"));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.OriginNotAllowed));
    }

    [Test]
    public async Task CompleteEnrollment_TopOriginListed_Succeeds()
    {
        using var host = new WebAuthnHarness(o => (o.AllowCrossOrigin, o.AllowedTopOrigins) = (true, ["https://partner.example"]));

        var result = await host.EnrollAsync(WebAuthnHarness.Alice, Key, c => (c.CrossOrigin, c.TopOrigin) = (true, "https://partner.example"));

        Assert.That(result.Succeeded, Is.True, result.Message);
    }

    [Test]
    public async Task CompleteEnrollment_TopOriginWithoutCrossOriginAllowed_FailsOriginNotAllowed()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.TopOrigin = WebAuthnHarness.Origin);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.OriginNotAllowed));
    }

    [TestCase("{\"status\":\"not-supported\"}", MfaFailureReason.MalformedInput)]
    [TestCase("{\"id\":\"x\"}", MfaFailureReason.MalformedInput)]
    [TestCase("{\"status\":\"supported\"}", MfaFailureReason.None)]
    [TestCase("{\"status\":\"present\",\"id\":\"AAAA\"}", MfaFailureReason.None)]
    [TestCase("\"unused\"", MfaFailureReason.None)]
    public async Task CompleteEnrollment_TokenBinding_StatusDecides(string tokenBinding, MfaFailureReason expected)
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.ExtraClientData = "\"tokenBinding\":" + tokenBinding);

        Assert.That(result.FailureReason, Is.EqualTo(expected), result.Message);
    }

    [Test]
    public async Task CompleteEnrollment_DuplicateClientDataMember_FailsMalformedInput()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.ExtraClientData = "\"origin\":\"https://example.com\"");

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    private static readonly Dictionary<string, (Action<RegistrationCeremony> Break, MfaFailureReason Reason)> s_brokenRegistrations = new()
    {
        ["wrong type"] = (c => c.Type = "webauthn.get", MfaFailureReason.WrongType),
        ["bad origin"] = (c => c.Origin = "https://evil.example", MfaFailureReason.OriginNotAllowed),
        ["other relying party"] = (c => c.RpId = "evil.example", MfaFailureReason.RelyingPartyMismatch),
        ["policy: user not present"] = (c => c.Flags &= ~AuthenticatorDataFlags.UserPresent, MfaFailureReason.UserPresenceRequired),
    };

    [TestCase("wrong type")]
    [TestCase("bad origin")]
    [TestCase("other relying party")]
    [TestCase("policy: user not present")]
    public async Task CompleteEnrollmentAsync_FailedVerification_ConsumesTheRegistrationLikeAChallenge(string broken)
    {
        var (enrollmentId, optionsJson) = await Host.BeginEnrollmentAsync(WebAuthnHarness.Alice);
        var bad = Key.Register(optionsJson);
        s_brokenRegistrations[broken].Break(bad);

        var failed = await Host.Mfa.CompleteEnrollmentAsync(WebAuthnHarness.Alice, enrollmentId, new WebAuthnEnrollmentResponse(bad.ToJson()));
        var retried = await Host.Mfa.CompleteEnrollmentAsync(WebAuthnHarness.Alice, enrollmentId, new WebAuthnEnrollmentResponse(Key.Register(optionsJson).ToJson()));

        Assert.That(failed.FailureReason, Is.EqualTo(s_brokenRegistrations[broken].Reason));
        Assert.That(retried.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
        Assert.That(await Host.Mfa.ListAuthenticatorsAsync(WebAuthnHarness.Alice.Id), Is.Empty);
    }

    [Test]
    public async Task CompleteEnrollmentAsync_NotAResponseAtAll_LeavesTheRegistrationUsable()
    {
        var (enrollmentId, optionsJson) = await Host.BeginEnrollmentAsync(WebAuthnHarness.Alice);

        var garbage = await Host.Mfa.CompleteEnrollmentAsync(WebAuthnHarness.Alice, enrollmentId, new WebAuthnEnrollmentResponse("{not json"));
        var retried = await Host.Mfa.CompleteEnrollmentAsync(WebAuthnHarness.Alice, enrollmentId, new WebAuthnEnrollmentResponse(Key.Register(optionsJson).ToJson()));

        Assert.That(garbage.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
        Assert.That(retried.Succeeded, Is.True, retried.Message);
    }

    [Test]
    public async Task CompleteEnrollment_OtherRpIdHash_FailsRelyingPartyMismatch()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.RpId = "evil.example");

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.RelyingPartyMismatch));
    }

    [Test]
    public async Task CompleteEnrollment_UserNotPresent_FailsUserPresenceRequired()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.Flags &= ~AuthenticatorDataFlags.UserPresent);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UserPresenceRequired));
    }

    [Test]
    public async Task CompleteEnrollment_NotVerifiedWhenPreferred_Succeeds()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.Flags &= ~AuthenticatorDataFlags.UserVerified);

        Assert.That(result.Succeeded, Is.True, result.Message);
    }

    [Test]
    public async Task CompleteEnrollment_NotVerifiedWhenRequired_FailsUserVerificationRequired()
    {
        using var host = new WebAuthnHarness(o => o.UserVerification = UserVerificationRequirement.Required);

        var result = await host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.Flags &= ~AuthenticatorDataFlags.UserVerified);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UserVerificationRequired));
    }

    [Test]
    public async Task CompleteEnrollment_DeviceNotVerified_FailsUserVerificationRequired()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.Flags &= ~AuthenticatorDataFlags.UserVerified, WebAuthnAuthenticatorKind.Device);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UserVerificationRequired));
    }

    [Test]
    public async Task CompleteEnrollment_BackupStateWithoutEligibility_FailsMalformedInput()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.Flags |= AuthenticatorDataFlags.BackupState);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task CompleteEnrollment_BackedUpPasskey_RecordsBackupFlags()
    {
        var result = await CompleteWithFactorAsync(c => c.Flags |= AuthenticatorDataFlags.BackupEligible | AuthenticatorDataFlags.BackupState);

        Assert.That((result.Data.GetProperty("backupEligible").GetBoolean(), result.Data.GetProperty("backupState").GetBoolean()), Is.EqualTo((true, true)));
    }

    [Test]
    public async Task CompleteEnrollment_AlgorithmNotOffered_FailsUnsupportedAlgorithm()
    {
        using var host = new WebAuthnHarness(o => o.PubKeyCredParams = [CoseAlgorithm.RS256]);

        var result = await host.EnrollAsync(WebAuthnHarness.Alice, Key);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UnsupportedAlgorithm));
    }

    [Test]
    public async Task CompleteEnrollment_KeyAlgorithmNotMatchingCurve_Fails()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.Algorithm = (int)CoseAlgorithm.ES384);

        Assert.That(result.FailureReason, Is.AnyOf(MfaFailureReason.MalformedInput, MfaFailureReason.UnsupportedAlgorithm));
    }

    [Test]
    public async Task CompleteEnrollment_CredentialIdOf1023Bytes_Succeeds()
    {
        Key.CredentialId = new byte[1023];
        Key.CredentialId[0] = 7;

        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key);

        Assert.That(result.Succeeded, Is.True, result.Message);
    }

    [Test]
    public async Task CompleteEnrollment_CredentialIdOf1024Bytes_FailsMalformedInput()
    {
        Key.CredentialId = new byte[1024];

        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task CompleteEnrollment_CredentialIdOfAnotherUser_FailsAlreadyEnrolled()
    {
        await Host.EnrolledAsync(WebAuthnHarness.Bob, Key);

        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.AlreadyEnrolled));
    }

    [Test]
    public async Task CompleteEnrollment_ResponseIdNotTheAttestedOne_FailsMalformedInput()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.ResponseId = Base64Url.EncodeToString(new byte[16]));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task CompleteEnrollment_UnsolicitedAuthenticatorExtension_IsIgnored()
    {
        // {"credProtect": 1}, CTAP2 canonical.
        byte[] extensions = [0xA1, 0x6B, .. Encoding.ASCII.GetBytes("credProtect"), 0x01];

        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => (c.Flags, c.Extensions) = (c.Flags | AuthenticatorDataFlags.ExtensionData, extensions));

        Assert.That(result.Succeeded, Is.True, result.Message);
    }

    [Test]
    public async Task CompleteEnrollment_ExtensionDataFlagWithoutMap_FailsMalformedInput()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.Flags |= AuthenticatorDataFlags.ExtensionData);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task CompleteEnrollment_CredPropsReportsDiscoverable_RecordsIt()
    {
        var result = await CompleteWithFactorAsync(c => c.ClientExtensionResults = "{\"credProps\":{\"rk\":true},\"other\":{\"x\":[1]}}");

        Assert.That(result.Data.GetProperty("discoverable").GetBoolean(), Is.True);
    }

    [Test]
    public async Task CompleteEnrollment_MalformedClientExtensionOutput_FailsMalformedInput()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.ClientExtensionResults = "{\"credProps\":{\"rk\":\"yes\"}}");

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task CompleteEnrollment_UnknownAttestationFormat_FailsUnsupportedFormat()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.Format = "not-a-format");

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UnsupportedAttestationFormat));
    }

    [Test]
    public async Task CompleteEnrollment_BadSelfAttestationSignature_FailsInvalidSignature()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => (c.Format, c.CorruptAttestationSignature) = ("packed", true));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.InvalidSignature));
    }

    [TestCase(new byte[0])]
    [TestCase(new byte[] { 0xA3 })]
    [TestCase(new byte[] { 0xFF, 0xFF })]
    [TestCase(new byte[] { 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F, 0x9F })]
    [TestCase(new byte[] { 0x5B, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF })]
    public async Task CompleteEnrollment_MalformedAttestationObject_FailsMalformedInput(byte[] attestationObject)
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.AttestationObjectOverride = attestationObject);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task CompleteEnrollment_TrailingBytesAfterAttestationObject_FailsMalformedInput()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.AttestationObjectOverride = [.. c.AttestationObject(c.ClientDataJson()), 0x00]);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [TestCase("")]
    [TestCase("not json")]
    [TestCase("[]")]
    [TestCase("{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\"}")]
    [TestCase("{\"id\":\"A*AA\",\"rawId\":\"A*AA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\",\"attestationObject\":\"oA\"}}")]
    [TestCase("{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"password\",\"response\":{\"clientDataJSON\":\"e30\",\"attestationObject\":\"oA\"}}")]
    [TestCase("{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"!!\",\"attestationObject\":\"oA\"}}")]
    [TestCase("{\"id\":\"AAAA\",\"id\":\"AAAB\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\",\"attestationObject\":\"oA\"}}")]
    public async Task CompleteEnrollment_MalformedResponseJson_FailsMalformedInput(string json)
    {
        var (enrollmentId, _) = await Host.BeginEnrollmentAsync(WebAuthnHarness.Alice);

        var result = await Host.Mfa.CompleteEnrollmentAsync(WebAuthnHarness.Alice, enrollmentId, new WebAuthnEnrollmentResponse(json));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task CompleteEnrollment_HugeResponse_FailsMalformedInput()
    {
        var (enrollmentId, _) = await Host.BeginEnrollmentAsync(WebAuthnHarness.Alice);

        var result = await Host.Mfa.CompleteEnrollmentAsync(WebAuthnHarness.Alice, enrollmentId, new WebAuthnEnrollmentResponse(new string('a', 10_000_000)));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task CompleteEnrollment_SameCeremonyTwice_SecondSaysAlreadyEnrolledAndStoresNothingMore()
    {
        var (enrollmentId, optionsJson) = await Host.BeginEnrollmentAsync(WebAuthnHarness.Alice);
        var response = new WebAuthnEnrollmentResponse(Key.Register(optionsJson).ToJson());
        var first = await Host.Mfa.CompleteEnrollmentAsync(WebAuthnHarness.Alice, enrollmentId, response);

        var second = await Host.Mfa.CompleteEnrollmentAsync(WebAuthnHarness.Alice, enrollmentId, response);
        using var other = new TestAuthenticator(WebAuthnHarness.Origin);
        var otherCredential = await Host.Mfa.CompleteEnrollmentAsync(WebAuthnHarness.Alice, enrollmentId, new WebAuthnEnrollmentResponse(other.Register(optionsJson).ToJson()));

        // The caller of a retry hears what is stored (the credential is registered); any other response finds it spent.
        Assert.That(first.Succeeded, Is.True, first.Message);
        Assert.That(second.FailureReason, Is.EqualTo(MfaFailureReason.AlreadyEnrolled));
        Assert.That(otherCredential.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
        Assert.That(await Host.Mfa.ListAuthenticatorsAsync(WebAuthnHarness.Alice.Id), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CompleteEnrollment_AfterEnrollmentLifetime_FailsExpired()
    {
        var (enrollmentId, optionsJson) = await Host.BeginEnrollmentAsync(WebAuthnHarness.Alice);
        Host.Time.Advance(TimeSpan.FromMinutes(11));

        var result = await Host.Mfa.CompleteEnrollmentAsync(WebAuthnHarness.Alice, enrollmentId, new WebAuthnEnrollmentResponse(Key.Register(optionsJson).ToJson()));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.Expired));
    }

    [Test]
    public async Task CompleteEnrollment_StateOfAnotherUser_FailsChallengeMismatch()
    {
        var begun = await Host.Factor.BeginEnrollmentAsync(Host.EnrollmentContext(WebAuthnHarness.Bob), new WebAuthnEnrollmentRequest(WebAuthnAuthenticatorKind.SecurityKey));
        var json = Key.Register(((WebAuthnEnrollmentPrompt)begun.Prompt!).OptionsJson).ToJson();

        var result = await Host.Factor.CompleteEnrollmentAsync(Host.EnrollmentContext(WebAuthnHarness.Alice), begun.State, new WebAuthnEnrollmentResponse(json));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
    }

    [Test]
    public async Task BeginEnrollment_LegacyU2fKind_FailsNotSupported()
    {
        var result = await Host.Mfa.BeginEnrollmentAsync(WebAuthnHarness.Alice, new WebAuthnEnrollmentRequest(WebAuthnAuthenticatorKind.LegacyU2f));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.NotSupported));
    }

    [Test]
    public async Task BeginEnrollment_NameWithControlCharacter_FailsMalformedInput()
    {
        var result = await Host.Mfa.BeginEnrollmentAsync(WebAuthnHarness.Alice, new WebAuthnEnrollmentRequest(WebAuthnAuthenticatorKind.SecurityKey) { Name = "key\u0007" });

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task CompleteEnrollment_DeviceKind_RecordRemembersKind()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, kind: WebAuthnAuthenticatorKind.Device);

        var record = await Host.RecordAsync(result.Authenticator!.Id);
        Assert.That(JsonDocument.Parse(record.Data).RootElement.GetProperty("kind").GetString(), Is.EqualTo("device"));
    }

    private WebAuthnHarness TrustingHost(X509Certificate2 root) => new(o =>
    {
        o.Attestation = AttestationConveyance.Direct;
        o.RequireTrustedAttestation = true;
        o.TrustAnchors = new Dictionary<Guid, IReadOnlyList<X509Certificate2>> { [Guid.Empty] = [root] };
    });

    private Task<Enrolled> CompleteWithFactorAsync(Action<RegistrationCeremony> change) => CompleteWithFactorAsync(Host, Key, change);

    /// <summary>Enrolls through the service and returns the outcome with the stored record's data (what the factor recorded).</summary>
    private static async Task<Enrolled> CompleteWithFactorAsync(WebAuthnHarness host, TestAuthenticator key, Action<RegistrationCeremony> change)
    {
        var result = await host.EnrollAsync(WebAuthnHarness.Alice, key, change);
        var data = result.Succeeded ? JsonDocument.Parse((await host.RecordAsync(result.Authenticator.Id)).Data).RootElement.Clone() : default;
        return new Enrolled(result, data);
    }

    private sealed record Enrolled(MfaOperationResult Result, JsonElement Data)
    {
        public bool Succeeded => Result.Succeeded;

        public string Message => Result.Message;

        public MfaFailureReason FailureReason => Result.FailureReason;
    }
}
