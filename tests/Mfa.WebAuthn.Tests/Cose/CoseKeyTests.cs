using System.Security.Cryptography;
using Mfa.Core;
using Mfa.WebAuthn.Cose;
using static Mfa.WebAuthn.Tests.TestCbor;

namespace Mfa.WebAuthn.Tests.Cose;

[TestFixture]
public sealed class CoseKeyTests
{
    private static readonly byte[] s_data = "authenticatorData || clientDataHash"u8.ToArray();
    private readonly ECDsa _p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly RSA _rsa = RSA.Create(2048);

    [OneTimeTearDown]
    public void DisposeKeys()
    {
        _p256.Dispose();
        _rsa.Dispose();
    }

    private static (bool Decoded, CoseKey? Key, MfaFailureReason Failure) Decode(byte[] encoded, bool allowRs1 = false)
    {
        var decoded = CoseKey.TryDecode(encoded, allowRs1, out var key, out var failure);
        return (decoded, key, failure);
    }

    private static byte[] Ec2(int alg, int crv, byte[] x, byte[] y) =>
        Map((Int(1), Int(2)), (Int(3), Int(alg)), (Int(-1), Int(crv)), (Int(-2), Bytes(x)), (Int(-3), Bytes(y)));

    private static (byte[] X, byte[] Y) Point(ECDsa key)
    {
        var q = key.ExportParameters(false).Q;
        return (q.X!, q.Y!);
    }

    [TestCase(-7, "nistP256", 1)]
    [TestCase(-35, "nistP384", 2)]
    [TestCase(-36, "nistP521", 3)]
    public void TryDecode_EcKey_VerifiesItsDerSignatures(int alg, string curveName, int crv)
    {
        using var ecdsa = ECDsa.Create(ECCurve.CreateFromFriendlyName(curveName));
        var hash = CoseKey.HashFor((CoseAlgorithm)alg);

        var (decoded, key, _) = Decode(EncodeKey(ecdsa, alg));

        Assert.That(decoded, Is.True);
        Assert.That((key!.KeyType, key.Curve, key.Algorithm), Is.EqualTo((CoseKeyType.Ec2, crv, (CoseAlgorithm)alg)));
        Assert.That(key.VerifySignature(s_data, ecdsa.SignData(s_data, hash, DSASignatureFormat.Rfc3279DerSequence)), Is.True);
    }

    [Test]
    public void VerifySignature_EcdsaInP1363Form_IsFalse()
    {
        var (_, key, _) = Decode(EncodeKey(_p256, -7));

        Assert.That(key!.VerifySignature(s_data, _p256.SignData(s_data, HashAlgorithmName.SHA256)), Is.False);
    }

    [Test]
    public void VerifySignature_OtherData_IsFalse()
    {
        var (_, key, _) = Decode(EncodeKey(_p256, -7));
        var signature = _p256.SignData(s_data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        Assert.That(key!.VerifySignature("other"u8, signature), Is.False);
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(8)]
    [TestCase(72)]
    [TestCase(4096)]
    public void VerifySignature_GarbageSignature_IsFalseWithoutThrowing(int length)
    {
        var (_, ecKey, _) = Decode(EncodeKey(_p256, -7));
        var (_, rsaKey, _) = Decode(EncodeKey(_rsa, -257));
        var garbage = new byte[length];
        garbage.AsSpan().Fill(0x30);

        Assert.That(ecKey!.VerifySignature(s_data, garbage), Is.False);
        Assert.That(rsaKey!.VerifySignature(s_data, garbage), Is.False);
    }

    [TestCase(-257, "SHA256", false)]
    [TestCase(-258, "SHA384", false)]
    [TestCase(-259, "SHA512", false)]
    [TestCase(-37, "SHA256", true)]
    [TestCase(-38, "SHA384", true)]
    [TestCase(-39, "SHA512", true)]
    public void TryDecode_RsaKey_VerifiesItsSignatures(int alg, string hash, bool pss)
    {
        var padding = pss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        var (decoded, key, _) = Decode(EncodeKey(_rsa, alg));

        Assert.That(decoded, Is.True);
        Assert.That(key!.KeyType, Is.EqualTo(CoseKeyType.Rsa));
        Assert.That(key.VerifySignature(s_data, _rsa.SignData(s_data, new HashAlgorithmName(hash), padding)), Is.True);
    }

    [Test]
    public void VerifySignature_Pkcs1SignatureForPssKey_IsFalse()
    {
        var (_, key, _) = Decode(EncodeKey(_rsa, -37));

        Assert.That(key!.VerifySignature(s_data, _rsa.SignData(s_data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)), Is.False);
    }

    [Test]
    public void TryDecode_Rs1WithoutAllowRs1_IsUnsupportedAlgorithm() =>
        Assert.That(Decode(EncodeKey(_rsa, -65535)).Failure, Is.EqualTo(MfaFailureReason.UnsupportedAlgorithm));

    [Test]
    public void TryDecode_Rs1WithAllowRs1_VerifiesSha1Signatures()
    {
        var (decoded, key, _) = Decode(EncodeKey(_rsa, -65535), allowRs1: true);

        Assert.That(decoded, Is.True);
        Assert.That(key!.VerifySignature(s_data, _rsa.SignData(s_data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1)), Is.True);
    }

    [Test]
    public void TryDecode_Rsa1024_IsPolicyViolation()
    {
        using var small = RSA.Create(1024);

        Assert.That(Decode(EncodeKey(small, -257)).Failure, Is.EqualTo(MfaFailureReason.PolicyViolation));
    }

    [TestCase(new byte[] { 0x01, 0x00, 0x00 }, Description = "even")]
    [TestCase(new byte[] { 0x01 }, Description = "one")]
    [TestCase(new byte[] { 0x00, 0x01, 0x00, 0x01 }, Description = "leading zero")]
    [TestCase(new byte[] { 0x01, 0x00, 0x00, 0x00, 0x01 }, Description = "five bytes")]
    public void TryDecode_RsaInsaneExponent_IsMalformed(byte[] exponent)
    {
        var modulus = _rsa.ExportParameters(false).Modulus!;

        Assert.That(Decode(Map((Int(1), Int(3)), (Int(3), Int(-257)), (Int(-1), Bytes(modulus)), (Int(-2), Bytes(exponent)))).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryDecode_RsaWithPrivateExponent_IsMalformed()
    {
        var parameters = _rsa.ExportParameters(true);

        Assert.That(
            Decode(Map((Int(1), Int(3)), (Int(3), Int(-257)), (Int(-1), Bytes(parameters.Modulus!)), (Int(-2), Bytes(parameters.Exponent!)), (Int(-3), Bytes(parameters.D!)))).Failure,
            Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryDecode_EcWithPrivateKey_IsMalformed()
    {
        var parameters = _p256.ExportParameters(true);

        Assert.That(
            Decode(Map((Int(1), Int(2)), (Int(3), Int(-7)), (Int(-1), Int(1)), (Int(-2), Bytes(parameters.Q.X!)), (Int(-3), Bytes(parameters.Q.Y!)), (Int(-4), Bytes(parameters.D!)))).Failure,
            Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryDecode_OffCurvePoint_IsMalformed()
    {
        var (x, y) = Point(_p256);
        y[^1] ^= 0x01;

        Assert.That(Decode(Ec2(-7, 1, x, y)).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryDecode_CoordinateOutsideField_IsMalformed()
    {
        var ones = Enumerable.Repeat((byte)0xFF, 32).ToArray();

        Assert.That(Decode(Ec2(-7, 1, ones, ones)).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryDecode_ShortCoordinate_IsMalformed()
    {
        var (x, y) = Point(_p256);

        Assert.That(Decode(Ec2(-7, 1, x[1..], y)).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryDecode_LongCoordinate_IsMalformed()
    {
        var (x, y) = Point(_p256);

        Assert.That(Decode(Ec2(-7, 1, x, [0x00, .. y])).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryDecode_CurveDoesNotFitAlgorithm_IsMalformed()
    {
        var (x, y) = Point(_p256);

        Assert.That(Decode(Ec2(-35, 1, x, y)).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryDecode_KeyTypeDoesNotFitAlgorithm_IsMalformed()
    {
        var (x, y) = Point(_p256);

        Assert.That(Decode(Map((Int(1), Int(3)), (Int(3), Int(-7)), (Int(-1), Int(1)), (Int(-2), Bytes(x)), (Int(-3), Bytes(y)))).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryDecode_RsaKeyTypeWithEdDsa_IsMalformed()
    {
        var parameters = _rsa.ExportParameters(false);

        Assert.That(Decode(Map((Int(1), Int(3)), (Int(3), Int(-8)), (Int(-1), Bytes(parameters.Modulus!)), (Int(-2), Bytes(parameters.Exponent!)))).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryDecode_CompressedPoint_IsMalformed()
    {
        var (x, _) = Point(_p256);

        Assert.That(Decode(Map((Int(1), Int(2)), (Int(3), Int(-7)), (Int(-1), Int(1)), (Int(-2), Bytes(x)), (Int(-3), w => w.WriteBoolean(true)))).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [TestCase(-260, Description = "unassigned")]
    [TestCase(-47, Description = "ES256K, not supported")]
    [TestCase(1, Description = "A128GCM, not a signature algorithm")]
    public void TryDecode_UnknownAlgorithm_IsUnsupportedAlgorithm(int alg)
    {
        var (x, y) = Point(_p256);

        Assert.That(Decode(Ec2(alg, 1, x, y)).Failure, Is.EqualTo(MfaFailureReason.UnsupportedAlgorithm));
    }

    [Test]
    public void TryDecode_MissingAlgorithm_IsMalformed()
    {
        var (x, y) = Point(_p256);

        Assert.That(Decode(Map((Int(1), Int(2)), (Int(-1), Int(1)), (Int(-2), Bytes(x)), (Int(-3), Bytes(y)))).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryDecode_NonCanonicalLabelOrder_IsMalformed()
    {
        var (x, y) = Point(_p256);

        // alg (3) before kty (1): valid CBOR, not CTAP2 canonical.
        Assert.That(Decode(Map((Int(3), Int(-7)), (Int(1), Int(2)), (Int(-1), Int(1)), (Int(-2), Bytes(x)), (Int(-3), Bytes(y)))).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryDecode_DuplicateLabel_IsMalformed()
    {
        var (x, y) = Point(_p256);

        Assert.That(Decode(Map((Int(1), Int(2)), (Int(1), Int(2)), (Int(3), Int(-7)), (Int(-1), Int(1)), (Int(-2), Bytes(x)), (Int(-3), Bytes(y)))).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryDecode_NonMinimalInteger_IsMalformed()
    {
        var (x, y) = Point(_p256);
        byte[] encoded = [0xA5, 0x18, 0x01, 0x02, .. Ec2(-7, 1, x, y)[3..]];

        Assert.That(Decode(encoded).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryDecode_TrailingByte_IsMalformed() =>
        Assert.That(Decode([.. EncodeKey(_p256, -7), 0x00]).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));

    [Test]
    public void TryDecode_NotAMap_IsMalformed() =>
        Assert.That(Decode([0x80]).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));

    [Test]
    public void TryDecode_KidLabel_IsIgnored()
    {
        var (x, y) = Point(_p256);

        Assert.That(Decode(Map((Int(1), Int(2)), (Int(2), Bytes([1, 2, 3])), (Int(3), Int(-7)), (Int(-1), Int(1)), (Int(-2), Bytes(x)), (Int(-3), Bytes(y)))).Decoded, Is.True);
    }

    [Test]
    public void TryDecode_Ed25519_VerifiesRfc8032Test1()
    {
        var publicKey = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        var signature = Convert.FromHexString("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

        var (decoded, key, _) = Decode(Map((Int(1), Int(1)), (Int(3), Int(-8)), (Int(-1), Int(6)), (Int(-2), Bytes(publicKey))));

        Assert.That(decoded, Is.True);
        Assert.That((key!.KeyType, key.Curve), Is.EqualTo((CoseKeyType.Okp, 6)));
        Assert.That(key.VerifySignature([], signature), Is.True);
    }

    [Test]
    public void TryDecode_Ed25519WithFullySpecifiedAlgorithm_Succeeds()
    {
        var publicKey = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

        Assert.That(Decode(Map((Int(1), Int(1)), (Int(3), Int(-19)), (Int(-1), Int(6)), (Int(-2), Bytes(publicKey)))).Decoded, Is.True);
    }

    [Test]
    public void TryDecode_Ed448AlgorithmWithEd25519Curve_IsMalformed()
    {
        var publicKey = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

        Assert.That(Decode(Map((Int(1), Int(1)), (Int(3), Int(-53)), (Int(-1), Int(6)), (Int(-2), Bytes(publicKey)))).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [TestCase(4, Description = "X25519: a key agreement curve")]
    [TestCase(1, Description = "P-256 under OKP")]
    public void TryDecode_OkpWithWrongCurve_IsMalformed(int crv)
    {
        var publicKey = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

        Assert.That(Decode(Map((Int(1), Int(1)), (Int(3), Int(-8)), (Int(-1), Int(crv)), (Int(-2), Bytes(publicKey)))).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryDecode_Ed25519NotOnCurve_IsMalformed()
    {
        // y = 2 has no x on edwards25519 ((y^2 - 1) / (d y^2 + 1) is not a square).
        var publicKey = new byte[32];
        publicKey[0] = 2;

        Assert.That(Decode(Map((Int(1), Int(1)), (Int(3), Int(-8)), (Int(-1), Int(6)), (Int(-2), Bytes(publicKey)))).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryDecode_Ed25519ShortKey_IsMalformed() =>
        Assert.That(Decode(Map((Int(1), Int(1)), (Int(3), Int(-8)), (Int(-1), Int(6)), (Int(-2), Bytes(new byte[31])))).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));

    [Test]
    public void VerifySignature_Ed25519WrongLength_IsFalse()
    {
        var publicKey = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        var (_, key, _) = Decode(Map((Int(1), Int(1)), (Int(3), Int(-8)), (Int(-1), Int(6)), (Int(-2), Bytes(publicKey))));

        Assert.That(key!.VerifySignature([], new byte[63]), Is.False);
    }

    [Test]
    public void MatchesCertificate_SameAndOtherKey_ComparesPublicKeys()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=test", _p256, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        var (_, same, _) = Decode(EncodeKey(_p256, -7));
        var (_, different, _) = Decode(EncodeKey(other, -7));

        Assert.That(same!.MatchesCertificate(certificate), Is.True);
        Assert.That(different!.MatchesCertificate(certificate), Is.False);
    }

    [Test]
    public void VerifySignature_Es256OnWarmKey_AllocatesLittleAbovePlatformFloor()
    {
        // The floor: the platform's own ECDSA verification of a raw (r || s) signature over a precomputed hash.
        var hash = SHA256.HashData(s_data);
        var raw = _p256.SignHash(hash);
        Assert.That(_p256.VerifyHash(hash, raw), Is.True);
        var floorStart = GC.GetAllocatedBytesForCurrentThread();
        _ = _p256.VerifyHash(hash.AsSpan(), raw.AsSpan());
        var floor = GC.GetAllocatedBytesForCurrentThread() - floorStart;

        var (_, key, _) = Decode(EncodeKey(_p256, -7));
        var signature = _p256.SignData(s_data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        Assert.That(key!.VerifySignature(s_data, signature), Is.True);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var verified = key.VerifySignature(s_data, signature);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(verified, Is.True);
        Assert.That(allocated, Is.LessThanOrEqualTo(floor + 256), $"{allocated} bytes against a floor of {floor}");
    }
}
