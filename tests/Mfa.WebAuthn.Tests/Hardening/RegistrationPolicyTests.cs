using Mfa.Core;
using Mfa.WebAuthn.Cose;

namespace Mfa.WebAuthn.Tests.Hardening;

/// <summary>
/// Issue #9: what the creation options asked for is enforced server-side: the attachment (when the client reports
/// one), the algorithms offered and excludeCredentials, through the factor and through the stateless verifier.
/// Tests marked "failed before the fix" reproduced the issue on the unfixed code.
/// </summary>
[TestFixture]
public sealed class RegistrationPolicyTests : WebAuthnHostFixtureBase
{
    private const string CreationOptions = """
        {"rp":{"id":"example.com","name":"Example"},"user":{"id":"dXNlcg","name":"u","displayName":"u"},
         "challenge":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8","pubKeyCredParams":[{"type":"public-key","alg":-7}],
         "authenticatorSelection":{"userVerification":"preferred"ATTACHMENT}EXCLUDE}
        """;

    private static readonly DateTimeOffset s_now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task CompleteEnrollment_DeviceKindAnsweredByCrossPlatformAuthenticator_FailsAttachmentMismatch()
    {
        // Failed before the fix: the device-bound enrollment stored a roaming key.
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.AuthenticatorAttachment = "cross-platform", WebAuthnAuthenticatorKind.Device);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.AttachmentMismatch));
        Assert.That(await Host.Store.ListByUserAsync(WebAuthnHarness.Alice.Id), Is.Empty);
    }

    [Test]
    public async Task CompleteEnrollment_SecurityKeyKindAnsweredByPlatformAuthenticator_FailsAttachmentMismatch()
    {
        // Failed before the fix.
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.AuthenticatorAttachment = "platform");

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.AttachmentMismatch));
    }

    [TestCase(WebAuthnAuthenticatorKind.Device, null)]
    [TestCase(WebAuthnAuthenticatorKind.Device, "platform")]
    [TestCase(WebAuthnAuthenticatorKind.Device, "some-future-attachment")]
    [TestCase(WebAuthnAuthenticatorKind.SecurityKey, null)]
    [TestCase(WebAuthnAuthenticatorKind.SecurityKey, "cross-platform")]
    public async Task CompleteEnrollment_AttachmentAskedForOrNotReported_Succeeds(WebAuthnAuthenticatorKind kind, string? attachment)
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.AuthenticatorAttachment = attachment, kind);

        Assert.That(result.Succeeded, Is.True, result.Message);
    }

    [Test]
    public async Task CompleteEnrollment_CredentialAlreadyRegisteredForTheUser_FailsAlreadyEnrolled()
    {
        await Host.EnrolledAsync(WebAuthnHarness.Alice, Key);

        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.AlreadyEnrolled));
    }

    [Test]
    public async Task CompleteEnrollment_AlgorithmNotOffered_FailsUnsupportedAlgorithm()
    {
        using var host = new WebAuthnHarness(o => o.PubKeyCredParams = [CoseAlgorithm.ES384, CoseAlgorithm.RS256]);

        var result = await host.EnrollAsync(WebAuthnHarness.Alice, Key);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UnsupportedAlgorithm));
    }

    [Test]
    public async Task CompleteEnrollment_ReportedPublicKeyAlgorithmNotTheKeys_FailsUnsupportedAlgorithm()
    {
        // Failed before the fix: response.publicKeyAlgorithm was not compared with the key.
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.PublicKeyAlgorithm = (int)CoseAlgorithm.RS256);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UnsupportedAlgorithm));
    }

    [Test]
    public async Task CompleteEnrollment_ReportedPublicKeyAlgorithmTheKeys_Succeeds()
    {
        var result = await Host.EnrollAsync(WebAuthnHarness.Alice, Key, c => c.PublicKeyAlgorithm = (int)CoseAlgorithm.ES256);

        Assert.That(result.Succeeded, Is.True, result.Message);
    }

    [TestCase("platform", "cross-platform", ExpectedResult = MfaFailureReason.AttachmentMismatch, Description = "failed before the fix")]
    [TestCase("cross-platform", "platform", ExpectedResult = MfaFailureReason.AttachmentMismatch, Description = "failed before the fix")]
    [TestCase("platform", "platform", ExpectedResult = MfaFailureReason.None)]
    [TestCase("platform", null, ExpectedResult = MfaFailureReason.None)]
    [TestCase(null, "platform", ExpectedResult = MfaFailureReason.None)]
    [TestCase(null, "cross-platform", ExpectedResult = MfaFailureReason.None)]
    public MfaFailureReason VerifyRegistration_Attachment_EnforcedWhenAskedAndReported(string? asked, string? reported)
    {
        var options = Options(asked, exclude: null);
        var ceremony = Key.Register(options);
        ceremony.AuthenticatorAttachment = reported;

        return WebAuthnVerifier.VerifyRegistration(options, ceremony.ToJson(), RelyingParty(), s_now).FailureReason;
    }

    [Test]
    public void VerifyRegistration_CredentialInExcludeCredentials_FailsAlreadyEnrolled()
    {
        // Failed before the fix: the stateless verifier ignored excludeCredentials.
        var options = Options(null, exclude: Key.CredentialIdText);

        var result = WebAuthnVerifier.VerifyRegistration(options, Key.Register(options).ToJson(), RelyingParty(), s_now);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.AlreadyEnrolled));
    }

    [Test]
    public void VerifyRegistration_OtherCredentialInExcludeCredentials_Succeeds()
    {
        var options = Options(null, exclude: "AAAA");

        var result = WebAuthnVerifier.VerifyRegistration(options, Key.Register(options).ToJson(), RelyingParty(), s_now);

        Assert.That(result.Succeeded, Is.True, result.Message);
    }

    [Test]
    public void VerifyRegistration_MalformedExcludeCredentials_FailsMalformedInput()
    {
        var options = Options(null, exclude: "not base64url!");

        var result = WebAuthnVerifier.VerifyRegistration(options, Key.Register(Options(null, null)).ToJson(), RelyingParty(), s_now);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    private static string Options(string? attachment, string? exclude) => CreationOptions
        .Replace("ATTACHMENT", attachment is null ? string.Empty : ",\"authenticatorAttachment\":\"" + attachment + "\"", StringComparison.Ordinal)
        .Replace("EXCLUDE", exclude is null ? string.Empty : ",\"excludeCredentials\":[{\"type\":\"public-key\",\"id\":\"" + exclude + "\"}]", StringComparison.Ordinal);

    private static WebAuthnOptions RelyingParty() => new() { RelyingPartyId = "example.com", RelyingPartyName = "Example", Origins = [WebAuthnHarness.Origin] };
}
