using System.Buffers.Binary;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mfa.Core;
using Mfa.WebAuthn.Attestation;
using static Mfa.WebAuthn.Tests.TestCbor;

namespace Mfa.WebAuthn.Tests.Attestation;

[TestFixture]
public sealed class TpmAttestationTests
{
    private AttestationFixture _fixture = null!;
    private ECDsa _aikKey = null!;

    [SetUp]
    public void SetUp()
    {
        _fixture = new AttestationFixture();
        _aikKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    }

    [TearDown]
    public void TearDown()
    {
        _aikKey.Dispose();
        _fixture.Dispose();
    }

    private static byte[] U16(int value) => [(byte)(value >> 8), (byte)value];

    private static byte[] Sized(byte[] value) => [.. U16(value.Length), .. value];

    /// <summary>TPMT_PUBLIC for an ECC P-256 key: type, nameAlg SHA-256, attributes, empty policy, NULL symmetric/scheme, curve, NULL kdf, x, y.</summary>
    private static byte[] EccPubArea(ECDsa key, int curveId = 3, int nameAlg = 0x000B)
    {
        var q = key.ExportParameters(false).Q;
        return [.. U16(0x0023), .. U16(nameAlg), 0x00, 0x06, 0x04, 0x72, .. U16(0), .. U16(0x0010), .. U16(0x0010), .. U16(curveId), .. U16(0x0010), .. Sized(q.X!), .. Sized(q.Y!)];
    }

    /// <summary>TPMT_PUBLIC for an RSA key with exponent 0 (the default 65537).</summary>
    private static byte[] RsaPubArea(RSA key)
    {
        var modulus = key.ExportParameters(false).Modulus!;
        return [.. U16(0x0001), .. U16(0x000B), 0x00, 0x06, 0x04, 0x72, .. U16(0), .. U16(0x0010), .. U16(0x0010), .. U16(2048), 0, 0, 0, 0, .. Sized(modulus)];
    }

    /// <summary>TPMS_ATTEST of type TPM_ST_ATTEST_CERTIFY.</summary>
    private static byte[] CertInfo(byte[] extraData, byte[] name, uint magic = 0xFF544347, int type = 0x8017, byte[]? trailing = null)
    {
        var magicBytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(magicBytes, magic);
        return [.. magicBytes, .. U16(type), .. Sized(new byte[34]), .. Sized(extraData), .. new byte[17], .. new byte[8], .. Sized(name), .. Sized([]), .. trailing ?? []];
    }

    private static byte[] Name(byte[] pubArea) => [.. U16(0x000B), .. SHA256.HashData(pubArea)];

    private static X509Extension TpmSubjectAltName(string? manufacturer = "id:FFFFF1D0", string? model = "Test TPM", string? version = "id:00000001", bool multiValued = false)
    {
        var attributes = new List<(string Oid, string Value)>();
        if (manufacturer is not null)
        {
            attributes.Add(("2.23.133.2.1", manufacturer));
        }

        if (model is not null)
        {
            attributes.Add(("2.23.133.2.2", model));
        }

        if (version is not null)
        {
            attributes.Add(("2.23.133.2.3", version));
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
        using (writer.PushSequence())
        {
            if (multiValued)
            {
                using (writer.PushSetOf())
                {
                    foreach (var (oid, value) in attributes)
                    {
                        WriteAttribute(writer, oid, value);
                    }
                }
            }
            else
            {
                foreach (var (oid, value) in attributes)
                {
                    using (writer.PushSetOf())
                    {
                        WriteAttribute(writer, oid, value);
                    }
                }
            }
        }

        return new X509Extension("2.5.29.17", writer.Encode(), true);
    }

    private static void WriteAttribute(AsnWriter writer, string oid, string value)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, value);
        }
    }

    private static X509EnhancedKeyUsageExtension AikUsage(string oid = TpmAttestation.AikCertificateKeyUsageOid) =>
        new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(oid) }, false);

    private X509Certificate2 Aik(string subject = "", X509Extension? san = null, X509Extension? eku = null, bool isCa = false, X509Extension? extra = null)
    {
        List<X509Extension> extensions = [san ?? TpmSubjectAltName(), eku ?? AikUsage()];
        if (extra is not null)
        {
            extensions.Add(extra);
        }

        return _fixture.Issue(_aikKey, subject, extensions, isCa: isCa);
    }

    private byte[] Statement(byte[]? pubArea = null, byte[]? certInfo = null, X509Certificate2? aik = null, string version = "2.0", int alg = -7, byte[]? signature = null)
    {
        pubArea ??= EccPubArea(_fixture.CredentialKey);
        certInfo ??= CertInfo(SHA256.HashData(_fixture.SignedData), Name(pubArea));
        aik ??= Aik();
        signature ??= _aikKey.SignData(certInfo, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return Map(
            (Text("ver"), Text(version)), (Text("alg"), Int(alg)), (Text("x5c"), ByteArray(aik.RawData)), (Text("sig"), Bytes(signature)),
            (Text("certInfo"), Bytes(certInfo)), (Text("pubArea"), Bytes(pubArea)));
    }

    private AttestationResult Verify(byte[] statement, Mfa.WebAuthn.Cose.CoseKey? credentialKey = null, bool allowRs1 = false) =>
        AttestationVerifier.Verify(_fixture.Input("tpm", statement, credentialKey: credentialKey, allowRs1: allowRs1));

    [Test]
    public void Verify_Valid_IsAttCa()
    {
        var result = Verify(Statement());

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.None), result.Message);
        Assert.That((result.Type, result.TrustPath.Count), Is.EqualTo((AttestationType.AttCa, 1)));
    }

    [Test]
    public void Verify_RsaPubAreaWithDefaultExponent_Succeeds()
    {
        using var rsa = RSA.Create(2048);
        Assert.That(Mfa.WebAuthn.Cose.CoseKey.TryDecode(EncodeKey(rsa, -257), false, out var key, out _), Is.True);

        Assert.That(Verify(Statement(pubArea: RsaPubArea(rsa)), key).Failure, Is.EqualTo(MfaFailureReason.None));
    }

    [Test]
    public void Verify_MultiValuedSubjectAltName_Succeeds() =>
        Assert.That(Verify(Statement(aik: Aik(san: TpmSubjectAltName(multiValued: true)))).Failure, Is.EqualTo(MfaFailureReason.None));

    [Test]
    public void Verify_Version1_IsInvalidAttestation() =>
        Assert.That(Verify(Statement(version: "1.0")).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_PubAreaOfOtherKey_IsInvalidAttestation()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.That(Verify(Statement(pubArea: EccPubArea(other))).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));
    }

    [Test]
    public void Verify_PubAreaWithOtherCurve_IsInvalidAttestation() =>
        Assert.That(Verify(Statement(pubArea: EccPubArea(_fixture.CredentialKey, curveId: 4))).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_WrongMagic_IsInvalidAttestation()
    {
        var pubArea = EccPubArea(_fixture.CredentialKey);

        Assert.That(Verify(Statement(certInfo: CertInfo(SHA256.HashData(_fixture.SignedData), Name(pubArea), magic: 0xFF544348))).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));
    }

    [Test]
    public void Verify_QuoteInsteadOfCertify_IsInvalidAttestation()
    {
        var pubArea = EccPubArea(_fixture.CredentialKey);

        Assert.That(Verify(Statement(certInfo: CertInfo(SHA256.HashData(_fixture.SignedData), Name(pubArea), type: 0x8018))).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));
    }

    [Test]
    public void Verify_ExtraDataOfOtherData_IsInvalidAttestation()
    {
        var pubArea = EccPubArea(_fixture.CredentialKey);

        Assert.That(Verify(Statement(certInfo: CertInfo(SHA256.HashData(_fixture.AuthData), Name(pubArea)))).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));
    }

    [Test]
    public void Verify_ExtraDataHashedWithOtherAlgorithm_IsInvalidAttestation()
    {
        var pubArea = EccPubArea(_fixture.CredentialKey);

        Assert.That(Verify(Statement(certInfo: CertInfo(SHA384.HashData(_fixture.SignedData), Name(pubArea)))).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));
    }

    [Test]
    public void Verify_NameOfOtherPubArea_IsInvalidAttestation()
    {
        var pubArea = EccPubArea(_fixture.CredentialKey);
        var otherName = Name(EccPubArea(_fixture.CredentialKey, nameAlg: 0x000C));

        Assert.That(Verify(Statement(pubArea: pubArea, certInfo: CertInfo(SHA256.HashData(_fixture.SignedData), otherName))).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));
    }

    [Test]
    public void Verify_TrailingBytesInCertInfo_IsMalformed()
    {
        var pubArea = EccPubArea(_fixture.CredentialKey);

        Assert.That(Verify(Statement(certInfo: CertInfo(SHA256.HashData(_fixture.SignedData), Name(pubArea), trailing: [0x00]))).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void Verify_TruncatedPubArea_IsMalformed() =>
        Assert.That(Verify(Statement(pubArea: EccPubArea(_fixture.CredentialKey)[..^1])).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));

    [Test]
    public void Verify_BadSignature_IsInvalidSignature() =>
        Assert.That(Verify(Statement(signature: _aikKey.SignData("other"u8.ToArray(), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))).Failure, Is.EqualTo(MfaFailureReason.InvalidSignature));

    [Test]
    public void Verify_AikWithSubject_IsInvalidAttestation() =>
        Assert.That(Verify(Statement(aik: Aik(subject: "CN=AIK"))).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [TestCase(null, "Test TPM", "id:00000001", Description = "no manufacturer")]
    [TestCase("id:FFFFF1D0", null, "id:00000001", Description = "no model")]
    [TestCase("id:FFFFF1D0", "Test TPM", null, Description = "no version")]
    [TestCase("FFFFF1D0", "Test TPM", "id:00000001", Description = "manufacturer without id:")]
    [TestCase("id:NOTHEX!!", "Test TPM", "id:00000001", Description = "manufacturer not hex")]
    public void Verify_AikSubjectAltNameIncomplete_IsInvalidAttestation(string? manufacturer, string? model, string? version) =>
        Assert.That(Verify(Statement(aik: Aik(san: TpmSubjectAltName(manufacturer, model, version)))).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_AikWithoutAikKeyUsage_IsInvalidAttestation() =>
        Assert.That(Verify(Statement(aik: Aik(eku: AikUsage("1.3.6.1.5.5.7.3.2")))).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_AikIsCa_IsInvalidAttestation() =>
        Assert.That(Verify(Statement(aik: Aik(isCa: true))).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_AikAaguidExtensionDiffering_IsInvalidAttestation() =>
        Assert.That(Verify(Statement(aik: Aik(extra: AttestationFixture.AaguidExtension(new byte[16])))).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_AikAaguidExtensionMatching_Succeeds() =>
        Assert.That(Verify(Statement(aik: Aik(extra: AttestationFixture.AaguidExtension(AttestationFixture.Aaguid)))).Failure, Is.EqualTo(MfaFailureReason.None));

    [Test]
    public void Verify_Rs1StatementWithoutAllowRs1_VerifiesByDefault()
    {
        // A Windows Hello TPM signs its attestation statement with RS1; that is the AIK's algorithm, not the credential's.
        var testCase = ConformanceCases.Registration("reg-pywebauthn-tpm-surface-pro-4");
        Assert.That(Mfa.WebAuthn.Parsing.AttestationObject.TryParse(ConformanceCases.Bytes(ConformanceCases.Text(testCase, "credential", "response", "attestationObject")!), out var value, out _), Is.True);

        var allowed = AttestationConformanceTests.Verify(testCase, value!);
        var input = AttestationConformanceTests.Input(testCase, value!, allowRs1: false);

        Assert.That(allowed.Failure, Is.EqualTo(MfaFailureReason.None));
        Assert.That(AttestationVerifier.Verify(input).Failure, Is.EqualTo(MfaFailureReason.None));
    }
}
