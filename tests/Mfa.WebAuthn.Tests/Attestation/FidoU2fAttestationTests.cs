using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mfa.Core;
using Mfa.WebAuthn.Attestation;
using static Mfa.WebAuthn.Tests.TestCbor;

namespace Mfa.WebAuthn.Tests.Attestation;

[TestFixture]
public sealed class FidoU2fAttestationTests
{
    private AttestationFixture _fixture = null!;
    private ECDsa _attestationKey = null!;

    [SetUp]
    public void SetUp()
    {
        _fixture = new AttestationFixture();
        _attestationKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    }

    [TearDown]
    public void TearDown()
    {
        _attestationKey.Dispose();
        _fixture.Dispose();
    }

    /// <summary>§8.6 step 5: 0x00 || rpIdHash || clientDataHash || credentialId || 0x04 || x || y.</summary>
    private byte[] VerificationData()
    {
        var q = _fixture.CredentialKey.ExportParameters(false).Q;
        return [0x00, .. _fixture.AuthData.AsSpan(0, 32), .. _fixture.ClientDataHash, .. _fixture.AuthData.AsSpan(55, 16), 0x04, .. q.X!, .. q.Y!];
    }

    private static byte[] Statement(byte[] signature, params X509Certificate2[] x5c) =>
        Map((Text("sig"), Bytes(signature)), (Text("x5c"), ByteArray([.. x5c.Select(c => c.RawData)])));

    private byte[] Sign(ECDsa key, byte[] data) => key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    [Test]
    public void Verify_Valid_IsBasicOrAttCa()
    {
        var result = AttestationVerifier.Verify(_fixture.Input("fido-u2f", Statement(Sign(_attestationKey, VerificationData()), _fixture.Issue(_attestationKey))));

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.None), result.Message);
        Assert.That((result.Type, result.TrustPath.Count), Is.EqualTo((AttestationType.BasicOrAttCa, 1)));
    }

    [Test]
    public void Verify_SignatureOverPackedData_IsInvalidSignature() =>
        Assert.That(
            AttestationVerifier.Verify(_fixture.Input("fido-u2f", Statement(Sign(_attestationKey, _fixture.SignedData), _fixture.Issue(_attestationKey)))).Failure,
            Is.EqualTo(MfaFailureReason.InvalidSignature));

    [Test]
    public void Verify_TwoCertificates_IsInvalidAttestation()
    {
        var leaf = _fixture.Issue(_attestationKey);

        Assert.That(
            AttestationVerifier.Verify(_fixture.Input("fido-u2f", Statement(Sign(_attestationKey, VerificationData()), leaf, _fixture.Ca))).Failure,
            Is.EqualTo(MfaFailureReason.InvalidAttestation));
    }

    [Test]
    public void Verify_CertificateKeyP384_IsInvalidAttestation()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.That(
            AttestationVerifier.Verify(_fixture.Input("fido-u2f", Statement(Sign(p384, VerificationData()), _fixture.Issue(p384)))).Failure,
            Is.EqualTo(MfaFailureReason.InvalidAttestation));
    }

    [Test]
    public void Verify_CredentialKeyP384_IsInvalidAttestation()
    {
        var input = _fixture.Input("fido-u2f", Statement(Sign(_attestationKey, VerificationData()), _fixture.Issue(_attestationKey)),
            credentialKey: _fixture.DecodeOther(ECCurve.NamedCurves.nistP384, -35));

        Assert.That(AttestationVerifier.Verify(input).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));
    }

    [Test]
    public void Verify_MissingX5c_IsMalformed() =>
        Assert.That(
            AttestationVerifier.Verify(_fixture.Input("fido-u2f", Map((Text("sig"), Bytes(Sign(_attestationKey, VerificationData())))))).Failure,
            Is.EqualTo(MfaFailureReason.MalformedInput));
}
