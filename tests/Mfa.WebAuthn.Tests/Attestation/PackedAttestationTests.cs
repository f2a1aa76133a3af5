using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mfa.Core;
using Mfa.WebAuthn.Attestation;
using static Mfa.WebAuthn.Tests.TestCbor;

namespace Mfa.WebAuthn.Tests.Attestation;

[TestFixture]
public sealed class PackedAttestationTests
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

    private byte[] Sign(ECDsa key, byte[]? data = null) => key.SignData(data ?? _fixture.SignedData, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    private static byte[] Statement(int alg, byte[] signature, params X509Certificate2[] x5c) => x5c.Length == 0
        ? Map((Text("alg"), Int(alg)), (Text("sig"), Bytes(signature)))
        : Map((Text("alg"), Int(alg)), (Text("sig"), Bytes(signature)), (Text("x5c"), ByteArray([.. x5c.Select(c => c.RawData)])));

    private AttestationResult VerifyWith(X509Certificate2 leaf, byte[]? signature = null, DateTimeOffset? now = null) =>
        AttestationVerifier.Verify(_fixture.Input("packed", Statement(-7, signature ?? Sign(_attestationKey), leaf), now: now));

    [Test]
    public void Verify_SelfAttestation_IsSelfWithEmptyTrustPath()
    {
        var result = AttestationVerifier.Verify(_fixture.Input("packed", Statement(-7, Sign(_fixture.CredentialKey))));

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.None), result.Message);
        Assert.That((result.Type, result.TrustPath.Count), Is.EqualTo((AttestationType.Self, 0)));
    }

    [Test]
    public void Verify_SelfAttestationAlgOtherThanKeyAlg_IsInvalidAttestation()
    {
        var result = AttestationVerifier.Verify(_fixture.Input("packed", Statement(-35, Sign(_fixture.CredentialKey))));

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));
    }

    [Test]
    public void Verify_SelfAttestationSignedByOtherKey_IsInvalidSignature()
    {
        var result = AttestationVerifier.Verify(_fixture.Input("packed", Statement(-7, Sign(_attestationKey))));

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.InvalidSignature));
    }

    [Test]
    public void Verify_X5c_IsBasicOrAttCaWithLeafFirst()
    {
        var leaf = _fixture.Issue(_attestationKey);

        var result = VerifyWith(leaf);

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.None), result.Message);
        Assert.That(result.Type, Is.EqualTo(AttestationType.BasicOrAttCa));
        Assert.That(result.TrustPath.Single().RawData, Is.EqualTo(leaf.RawData));
    }

    [Test]
    public void Verify_X5cSignedByCredentialKey_IsInvalidSignature()
    {
        var result = VerifyWith(_fixture.Issue(_attestationKey), Sign(_fixture.CredentialKey));

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.InvalidSignature));
    }

    [Test]
    public void Verify_X5cSignatureOverOtherClientData_IsInvalidSignature()
    {
        var signature = Sign(_attestationKey, [.. _fixture.AuthData, .. new byte[32]]);

        Assert.That(VerifyWith(_fixture.Issue(_attestationKey), signature).Failure, Is.EqualTo(MfaFailureReason.InvalidSignature));
    }

    [TestCase("CN=Test Authenticator, O=Mfa.Sdk Tests, C=US", Description = "no OU")]
    [TestCase("CN=Test Authenticator, OU=Something Else, O=Mfa.Sdk Tests, C=US", Description = "wrong OU")]
    [TestCase("CN=Test Authenticator, OU=Authenticator Attestation, C=US", Description = "no O")]
    [TestCase("CN=Test Authenticator, OU=Authenticator Attestation, O=Mfa.Sdk Tests", Description = "no C")]
    [TestCase("OU=Authenticator Attestation, O=Mfa.Sdk Tests, C=US", Description = "no CN")]
    public void Verify_LeafSubjectMissingRequiredAttribute_IsInvalidAttestation(string subject) =>
        Assert.That(VerifyWith(_fixture.Issue(_attestationKey, subject)).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_LeafIsCa_IsInvalidAttestation() =>
        Assert.That(VerifyWith(_fixture.Issue(_attestationKey, isCa: true)).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_LeafWithoutBasicConstraints_Succeeds() =>
        Assert.That(VerifyWith(_fixture.Issue(_attestationKey, basicConstraints: false)).Failure, Is.EqualTo(MfaFailureReason.None));

    [Test]
    public void Verify_AaguidExtensionMatching_Succeeds() =>
        Assert.That(VerifyWith(_fixture.Issue(_attestationKey, extensions: [AttestationFixture.AaguidExtension(AttestationFixture.Aaguid)])).Failure, Is.EqualTo(MfaFailureReason.None));

    [Test]
    public void Verify_AaguidExtensionDiffering_IsInvalidAttestation() =>
        Assert.That(VerifyWith(_fixture.Issue(_attestationKey, extensions: [AttestationFixture.AaguidExtension(new byte[16])])).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_AaguidExtensionCritical_IsInvalidAttestation() =>
        Assert.That(VerifyWith(_fixture.Issue(_attestationKey, extensions: [AttestationFixture.AaguidExtension(AttestationFixture.Aaguid, critical: true)])).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_LeafExpired_IsCertificateInvalid()
    {
        var leaf = _fixture.Issue(_attestationKey, notAfter: AttestationFixture.Now.AddSeconds(-1));

        Assert.That(VerifyWith(leaf).Failure, Is.EqualTo(MfaFailureReason.CertificateInvalid));
    }

    [Test]
    public void Verify_LeafNotYetValid_IsCertificateInvalid()
    {
        var leaf = _fixture.Issue(_attestationKey, notBefore: AttestationFixture.Now.AddSeconds(1));

        Assert.That(VerifyWith(leaf).Failure, Is.EqualTo(MfaFailureReason.CertificateInvalid));
    }

    [Test]
    public void Verify_IntermediateExpired_IsCertificateInvalid()
    {
        var leaf = _fixture.Issue(_attestationKey);
        var expiredIntermediate = _fixture.Issue(_fixture.Own(ECDsa.Create(ECCurve.NamedCurves.nistP256)), "CN=Intermediate", notAfter: AttestationFixture.Now.AddDays(-1), isCa: true);
        var statement = Statement(-7, Sign(_attestationKey), leaf, expiredIntermediate);

        Assert.That(AttestationVerifier.Verify(_fixture.Input("packed", statement)).Failure, Is.EqualTo(MfaFailureReason.CertificateInvalid));
    }

    [Test]
    public void Verify_UnknownAlgorithm_IsUnsupportedAlgorithm()
    {
        var statement = Statement(-260, Sign(_attestationKey), _fixture.Issue(_attestationKey));

        Assert.That(AttestationVerifier.Verify(_fixture.Input("packed", statement)).Failure, Is.EqualTo(MfaFailureReason.UnsupportedAlgorithm));
    }

    [Test]
    public void Verify_AlgorithmNotFittingCertificateKey_IsInvalidAttestation()
    {
        var statement = Statement(-35, Sign(_attestationKey), _fixture.Issue(_attestationKey));

        Assert.That(AttestationVerifier.Verify(_fixture.Input("packed", statement)).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));
    }

    [Test]
    public void Verify_Rs1WithoutAllowRs1_IsUnsupportedAlgorithm()
    {
        var rsa = _fixture.Own(RSA.Create(2048));
        var signature = rsa.SignData(_fixture.SignedData, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
        var statement = Statement(-65535, signature, _fixture.Issue(rsa));

        Assert.That(AttestationVerifier.Verify(_fixture.Input("packed", statement)).Failure, Is.EqualTo(MfaFailureReason.UnsupportedAlgorithm));
        Assert.That(AttestationVerifier.Verify(_fixture.Input("packed", statement, allowRs1: true)).Failure, Is.EqualTo(MfaFailureReason.None));
    }

    [Test]
    public void Verify_MissingSignature_IsMalformed()
    {
        var statement = Map((Text("alg"), Int(-7)));

        Assert.That(AttestationVerifier.Verify(_fixture.Input("packed", statement)).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void Verify_AlgNotAnInteger_IsMalformed()
    {
        var statement = Map((Text("alg"), Text("ES256")), (Text("sig"), Bytes(Sign(_fixture.CredentialKey))));

        Assert.That(AttestationVerifier.Verify(_fixture.Input("packed", statement)).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void Verify_GarbageCertificate_IsMalformed()
    {
        var statement = Map((Text("alg"), Int(-7)), (Text("sig"), Bytes(Sign(_attestationKey))), (Text("x5c"), ByteArray([0x30, 0x03, 0x02, 0x01, 0x01])));

        Assert.That(AttestationVerifier.Verify(_fixture.Input("packed", statement)).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void Verify_EmptyX5c_IsMalformed()
    {
        var statement = Map((Text("alg"), Int(-7)), (Text("sig"), Bytes(Sign(_attestationKey))), (Text("x5c"), ByteArray()));

        Assert.That(AttestationVerifier.Verify(_fixture.Input("packed", statement)).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void Verify_DuplicateStatementKey_IsMalformed()
    {
        var statement = Map((Text("alg"), Int(-7)), (Text("alg"), Int(-7)), (Text("sig"), Bytes(Sign(_fixture.CredentialKey))));

        Assert.That(AttestationVerifier.Verify(_fixture.Input("packed", statement)).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }
}
