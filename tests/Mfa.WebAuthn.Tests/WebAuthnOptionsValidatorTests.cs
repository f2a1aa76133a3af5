using Mfa.WebAuthn.Cose;
using Microsoft.Extensions.Options;

namespace Mfa.WebAuthn.Tests;

[TestFixture]
public sealed class WebAuthnOptionsValidatorTests
{
    [Test]
    public void Validate_ValidOptions_Succeeds()
    {
        var result = Validate(_ => { });

        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
    }

    [TestCase("")]
    [TestCase("https://example.com")]
    [TestCase("Example.com")]
    [TestCase("example.com:443")]
    [TestCase("example..com")]
    [TestCase("-example.com")]
    public void Validate_BadRelyingPartyId_Fails(string rpId) => AssertFails(o => o.RelyingPartyId = rpId, nameof(WebAuthnOptions.RelyingPartyId));

    [TestCase("")]
    [TestCase("Bad\u0001Name")]
    public void Validate_BadRelyingPartyName_Fails(string name) => AssertFails(o => o.RelyingPartyName = name, nameof(WebAuthnOptions.RelyingPartyName));

    [TestCase("example.com")]
    [TestCase("http://example.com")]
    [TestCase("https://example.com/")]
    [TestCase("https://example.com/path")]
    [TestCase("https://EXAMPLE.com")]
    [TestCase("https://user@example.com")]
    [TestCase("android:apk-key-hash:tooShort")]
    public void Validate_BadOrigin_Fails(string origin) => AssertFails(o => o.Origins = [origin], nameof(WebAuthnOptions.Origins));

    [TestCase("https://login.example.com")]
    [TestCase("https://example.com:8443")]
    [TestCase("http://localhost:5000")]
    [TestCase("android:apk-key-hash:lkzRsbu0Sb6fLgmEf4lgNnhnBuaYhTsaVFDuOQ4DPgU")]
    [TestCase("https://related-site.example")]
    public void Validate_GoodOrigin_Succeeds(string origin)
    {
        var result = Validate(o => o.Origins = [origin]);

        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
    }

    [Test]
    public void Validate_NoOrigins_Fails() => AssertFails(o => o.Origins = [], nameof(WebAuthnOptions.Origins));

    [Test]
    public void Validate_TopOriginsWithoutCrossOrigin_Fails() => AssertFails(o => o.AllowedTopOrigins = ["https://partner.example"], nameof(WebAuthnOptions.AllowedTopOrigins));

    [Test]
    public void Validate_NoAlgorithms_Fails() => AssertFails(o => o.PubKeyCredParams = [], nameof(WebAuthnOptions.PubKeyCredParams));

    [Test]
    public void Validate_DuplicateAlgorithm_Fails() => AssertFails(o => o.PubKeyCredParams = [CoseAlgorithm.ES256, CoseAlgorithm.ES256], nameof(WebAuthnOptions.PubKeyCredParams));

    [Test]
    public void Validate_UnknownAlgorithm_Fails() => AssertFails(o => o.PubKeyCredParams = [(CoseAlgorithm)(-1000)], nameof(WebAuthnOptions.PubKeyCredParams));

    [Test]
    public void Validate_Rs1WithoutAllowRs1_Fails() => AssertFails(o => o.PubKeyCredParams = [CoseAlgorithm.RS1], nameof(WebAuthnOptions.PubKeyCredParams));

    [Test]
    public void Validate_Rs1WithAllowRs1_Succeeds()
    {
        var result = Validate(o => (o.PubKeyCredParams, o.AllowRs1) = ([CoseAlgorithm.ES256, CoseAlgorithm.RS1], true));

        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
    }

    [TestCase(15)]
    [TestCase(65)]
    public void Validate_ChallengeSizeOutOfRange_Fails(int size) => AssertFails(o => o.ChallengeSize = size, nameof(WebAuthnOptions.ChallengeSize));

    [TestCase(9)]
    [TestCase(3601)]
    public void Validate_TimeoutOutOfRange_Fails(int seconds) => AssertFails(o => o.Timeout = TimeSpan.FromSeconds(seconds), nameof(WebAuthnOptions.Timeout));

    [Test]
    public void Validate_UnknownEnumValue_Fails() => AssertFails(o => o.CounterRollback = (CounterRollbackPolicy)7, nameof(WebAuthnOptions.CounterRollback));

    [Test]
    public void Validate_TrustRequiredWithoutAnchors_Fails() => AssertFails(o => (o.RequireTrustedAttestation, o.Attestation) = (true, AttestationConveyance.Direct), nameof(WebAuthnOptions.RequireTrustedAttestation));

    [Test]
    public void Validate_DefaultsOf_AreTheDocumentedOnes()
    {
        var options = new WebAuthnOptions();

        Assert.That((options.ChallengeSize, options.Attestation, options.UserVerification, options.AllowRs1, options.CounterRollback, options.RequireTrustedAttestation), Is.EqualTo((32, AttestationConveyance.None, UserVerificationRequirement.Preferred, false, CounterRollbackPolicy.Fail, false)));
        Assert.That(options.PubKeyCredParams.Take(6), Is.EqualTo(new[] { CoseAlgorithm.ES256, CoseAlgorithm.EdDSA, CoseAlgorithm.ES384, CoseAlgorithm.ES512, CoseAlgorithm.PS256, CoseAlgorithm.RS256 }));
    }

    private static ValidateOptionsResult Validate(Action<WebAuthnOptions> change)
    {
        var options = new WebAuthnOptions { RelyingPartyId = "example.com", RelyingPartyName = "Example", Origins = ["https://example.com"] };
        change(options);
        return new WebAuthnOptionsValidator().Validate(null, options);
    }

    private static void AssertFails(Action<WebAuthnOptions> change, string property)
    {
        var result = Validate(change);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain(property));
    }
}
