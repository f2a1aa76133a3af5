using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mfa.Core;
using Mfa.WebAuthn.Attestation;
using static Mfa.WebAuthn.Tests.TestCbor;

namespace Mfa.WebAuthn.Tests.Attestation;

[TestFixture]
public sealed class AppleAttestationTests
{
    private AttestationFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new AttestationFixture();

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    private static X509Extension NonceExtension(byte[] nonce)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1, isConstructed: true)))
        {
            writer.WriteOctetString(nonce);
        }

        return new X509Extension(AppleAttestation.NonceExtensionOid, writer.Encode(), false);
    }

    private AttestationResult Verify(X509Certificate2 credCert) =>
        AttestationVerifier.Verify(_fixture.Input("apple", Map((Text("x5c"), ByteArray(credCert.RawData, _fixture.Ca.RawData)))));

    private byte[] Nonce => SHA256.HashData(_fixture.SignedData);

    [Test]
    public void Verify_Valid_IsAnonCa()
    {
        var result = Verify(_fixture.Issue(_fixture.CredentialKey, "CN=Apple Test", [NonceExtension(Nonce)]));

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.None), result.Message);
        Assert.That((result.Type, result.TrustPath.Count), Is.EqualTo((AttestationType.AnonCa, 2)));
    }

    [Test]
    public void Verify_OtherNonce_IsInvalidAttestation() =>
        Assert.That(Verify(_fixture.Issue(_fixture.CredentialKey, "CN=Apple Test", [NonceExtension(new byte[32])])).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_NoNonceExtension_IsInvalidAttestation() =>
        Assert.That(Verify(_fixture.Issue(_fixture.CredentialKey, "CN=Apple Test")).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_CertificateForOtherKey_IsInvalidAttestation()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.That(Verify(_fixture.Issue(other, "CN=Apple Test", [NonceExtension(Nonce)])).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));
    }

    [Test]
    public void Verify_MalformedNonceExtension_IsMalformed()
    {
        var garbage = new X509Extension(AppleAttestation.NonceExtensionOid, [0x04, 0x01, 0x00], false);

        Assert.That(Verify(_fixture.Issue(_fixture.CredentialKey, "CN=Apple Test", [garbage])).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }
}
