using System.Text;
using Mfa.Core;
using Mfa.WebAuthn.Metadata.Blob;

namespace Mfa.WebAuthn.Metadata.Tests.Blob;

/// <summary>MDS3 §3.2, one rule per test, on BLOBs and CRLs signed at run time by <see cref="TestMdsPki"/>.</summary>
[TestFixture]
public sealed class MetadataBlobVerifierTests
{
    private static readonly Guid s_aaguid = Guid.Parse("6d44ba9b-f6ec-2e49-b930-0c8fe920cb73");
    private TestMdsPki _pki = null!;

    [SetUp]
    public void SetUp() => _pki = new TestMdsPki();

    [TearDown]
    public void TearDown() => _pki.Dispose();

    private static string Payload(long no = 5) => TestMdsPki.Payload(no, "2025-02-01", TestMdsPki.Entry(s_aaguid, "Test key", "FIDO_CERTIFIED_L1"));

    [Test]
    public void Verify_ValidBlob_ReturnsIndexedPayload()
    {
        var result = MetadataBlobVerifier.Verify(_pki.Sign(Payload()), _pki.Settings());

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That((result.Blob!.Number, result.Blob.NextUpdate, result.Blob.FindByAaguid(s_aaguid)?.Description), Is.EqualTo((5L, new DateOnly(2025, 2, 1), "Test key")));
    }

    [Test]
    public void Verify_SurroundingWhitespace_IsIgnored()
    {
        var blob = Encoding.ASCII.GetBytes("\n " + Encoding.ASCII.GetString(_pki.Sign(Payload())) + "\r\n");

        Assert.That(MetadataBlobVerifier.Verify(blob, _pki.Settings()).Error, Is.EqualTo(MetadataBlobError.None));
    }

    [TestCase("none")]
    [TestCase("HS256")]
    [TestCase("RS1")]
    [TestCase("EdDSA")]
    [TestCase("es256")]
    public void Verify_AlgorithmNotAllowed_FailsUnsupportedAlgorithm(string alg)
    {
        var result = MetadataBlobVerifier.Verify(_pki.Sign(Payload(), _pki.Header(alg)), _pki.Settings());

        Assert.That(result.Error, Is.EqualTo(MetadataBlobError.UnsupportedAlgorithm));
    }

    [TestCase(",\"x5u\":\"https://mds3.fidoalliance.org/chain\"")]
    [TestCase(",\"jku\":\"https://example.com/keys\"")]
    [TestCase(",\"jwk\":{\"kty\":\"EC\"}")]
    [TestCase(",\"crit\":[\"exp\"]")]
    public void Verify_RemoteOrEmbeddedKeyHeader_FailsUnsupportedHeader(string extra)
    {
        var result = MetadataBlobVerifier.Verify(_pki.Sign(Payload(), _pki.Header(extra: extra)), _pki.Settings());

        Assert.That(result.Error, Is.EqualTo(MetadataBlobError.UnsupportedHeader));
    }

    [Test]
    public void Verify_DerEncodedEcdsaSignature_FailsBadSignature()
    {
        var result = MetadataBlobVerifier.Verify(_pki.Sign(Payload(), derSignature: true), _pki.Settings());

        Assert.That(result.Error, Is.EqualTo(MetadataBlobError.BadSignature));
    }

    [Test]
    public void Verify_HeaderAlgDisagreesWithKey_FailsBadSignature()
    {
        var result = MetadataBlobVerifier.Verify(_pki.Sign(Payload(), _pki.Header("RS256")), _pki.Settings());

        Assert.That(result.Error, Is.EqualTo(MetadataBlobError.BadSignature));
    }

    [Test]
    public void Verify_PayloadReencoded_FailsBadSignature()
    {
        // Same JSON, different bytes (a space): the signature covers the bytes received, never a re-encoding.
        var blob = Encoding.ASCII.GetString(_pki.Sign(Payload())).Split('.');
        var tampered = $"{blob[0]}.{TestMdsPki.Base64Url(Payload().Replace(",", ", ", StringComparison.Ordinal))}.{blob[2]}";

        Assert.That(MetadataBlobVerifier.Verify(Encoding.ASCII.GetBytes(tampered), _pki.Settings()).Error, Is.EqualTo(MetadataBlobError.BadSignature));
    }

    [Test]
    public void Verify_AnchorNotConfiguredEvenIfInX5c_FailsChainUntrusted()
    {
        // The BLOB appends its own root: certificates in the BLOB never become anchors.
        using var other = new TestMdsPki();
        var header = _pki.Header(extra: "").Replace("]}", $",\"{Convert.ToBase64String(_pki.Root.RawData)}\"]}}", StringComparison.Ordinal);
        var settings = new MetadataBlobVerificationSettings { TrustAnchors = [other.Root], RequireRevocationCheck = false, VerificationTime = TestMdsPki.Now };

        Assert.That(MetadataBlobVerifier.Verify(_pki.Sign(Payload(), header), settings).Error, Is.EqualTo(MetadataBlobError.ChainUntrusted));
    }

    [Test]
    public void Verify_IssuerIsNotCa_FailsChainUntrusted()
    {
        using var pki = new TestMdsPki(intermediateIsCa: false);

        var result = MetadataBlobVerifier.Verify(pki.Sign(Payload()), pki.Settings(crls: [], requireRevocation: false));

        Assert.That(result.Error, Is.EqualTo(MetadataBlobError.ChainUntrusted));
    }

    [Test]
    public void Verify_LeafExpiredAtVerificationTime_FailsCertificateExpired()
    {
        using var pki = new TestMdsPki(leafNotAfter: TestMdsPki.Now.AddDays(-1));

        var result = MetadataBlobVerifier.Verify(pki.Sign(Payload()), pki.Settings());

        Assert.That(result.Error, Is.EqualTo(MetadataBlobError.CertificateExpired));
    }

    [Test]
    public void Verify_RevocationRequiredWithoutCrls_FailsCrlMissing()
    {
        var result = MetadataBlobVerifier.Verify(_pki.Sign(Payload()), _pki.Settings(crls: []));

        Assert.That(result.Error, Is.EqualTo(MetadataBlobError.CrlMissing));
    }

    [Test]
    public void Verify_RevocationRequiredWithOnlyTheLeafsCrl_FailsCrlMissing()
    {
        var result = MetadataBlobVerifier.Verify(_pki.Sign(Payload()), _pki.Settings(crls: [_pki.Crls()[0]]));

        Assert.That(result.Error, Is.EqualTo(MetadataBlobError.CrlMissing));
    }

    [Test]
    public void Verify_RevocationExplicitlyOffWithoutCrls_Succeeds()
    {
        var result = MetadataBlobVerifier.Verify(_pki.Sign(Payload()), _pki.Settings(crls: [], requireRevocation: false));

        Assert.That(result.Error, Is.EqualTo(MetadataBlobError.None));
    }

    [Test]
    public void Verify_LeafListedInCrl_FailsCertificateRevoked()
    {
        var result = MetadataBlobVerifier.Verify(_pki.Sign(Payload()), _pki.Settings(crls: _pki.Crls(revokeLeaf: true)));

        Assert.That(result.Error, Is.EqualTo(MetadataBlobError.CertificateRevoked));
    }

    [Test]
    public void Verify_LeafListedInCrlWhileRevocationOff_StillFailsCertificateRevoked()
    {
        var result = MetadataBlobVerifier.Verify(_pki.Sign(Payload()), _pki.Settings(crls: _pki.Crls(revokeLeaf: true), requireRevocation: false));

        Assert.That(result.Error, Is.EqualTo(MetadataBlobError.CertificateRevoked));
    }

    [Test]
    public void Verify_CrlPastNextUpdate_FailsCrlNotCurrent()
    {
        var crls = _pki.Crls(thisUpdate: TestMdsPki.Now.AddDays(-30), nextUpdate: TestMdsPki.Now.AddDays(-1));

        Assert.That(MetadataBlobVerifier.Verify(_pki.Sign(Payload()), _pki.Settings(crls: crls)).Error, Is.EqualTo(MetadataBlobError.CrlNotCurrent));
    }

    [Test]
    public void Verify_CrlIssuedInTheFuture_FailsCrlNotCurrent()
    {
        var crls = _pki.Crls(thisUpdate: TestMdsPki.Now.AddDays(1), nextUpdate: TestMdsPki.Now.AddDays(8));

        Assert.That(MetadataBlobVerifier.Verify(_pki.Sign(Payload()), _pki.Settings(crls: crls)).Error, Is.EqualTo(MetadataBlobError.CrlNotCurrent));
    }

    [Test]
    public void Verify_CrlNamingTheIssuerButSignedByAnotherKey_FailsCrlInvalid()
    {
        // Same issuer name, different key: the CRL claims to be the intermediate's but is not signed by it.
        using var impostor = new TestMdsPki();
        var forged = TestMdsPki.Crl(impostor.Intermediate, null);

        var result = MetadataBlobVerifier.Verify(_pki.Sign(Payload()), _pki.Settings(crls: [forged, _pki.Crls()[1]]));

        Assert.That(result.Error, Is.EqualTo(MetadataBlobError.CrlInvalid));
    }

    [Test]
    public void Verify_CrlThatDoesNotParse_FailsCrlInvalid()
    {
        var result = MetadataBlobVerifier.Verify(_pki.Sign(Payload()), _pki.Settings(crls: [.. _pki.Crls(), new byte[] { 0x30, 0x03, 0x02, 0x01 }]));

        Assert.That(result.Error, Is.EqualTo(MetadataBlobError.CrlInvalid));
    }

    [TestCase(5L)]
    [TestCase(6L)]
    public void Verify_NoNotGreaterThanCached_FailsNoNotGreater(long cached)
    {
        var result = MetadataBlobVerifier.Verify(_pki.Sign(Payload(no: 5)), _pki.Settings(previous: cached));

        Assert.That(result.Error, Is.EqualTo(MetadataBlobError.NoNotGreater));
    }

    [Test]
    public void Verify_NoGreaterThanCached_Succeeds()
    {
        Assert.That(MetadataBlobVerifier.Verify(_pki.Sign(Payload(no: 5)), _pki.Settings(previous: 4)).Error, Is.EqualTo(MetadataBlobError.None));
    }

    [Test]
    public void Verify_NoX5c_TheAnchorSignsAndVerifies()
    {
        // MDS3 §3.2 step 5: with neither x5u nor x5c, the trust anchor itself is the signing certificate.
        var header = "{\"alg\":\"ES256\",\"typ\":\"JWT\"}";
        var settings = new MetadataBlobVerificationSettings { TrustAnchors = [_pki.Leaf], VerificationTime = TestMdsPki.Now };

        Assert.That(MetadataBlobVerifier.Verify(_pki.Sign(Payload(), header), settings).Error, Is.EqualTo(MetadataBlobError.None));
    }

    [Test]
    public void Verify_NoX5cAndAnchorDidNotSign_FailsBadSignature()
    {
        var header = "{\"alg\":\"ES256\",\"typ\":\"JWT\"}";

        Assert.That(MetadataBlobVerifier.Verify(_pki.Sign(Payload(), header), _pki.Settings()).Error, Is.EqualTo(MetadataBlobError.BadSignature));
    }

    [Test]
    public void Verify_NoTrustAnchor_FailsChainUntrusted()
    {
        var settings = new MetadataBlobVerificationSettings { TrustAnchors = [], VerificationTime = TestMdsPki.Now };

        Assert.That(MetadataBlobVerifier.Verify(_pki.Sign(Payload()), settings).Error, Is.EqualTo(MetadataBlobError.ChainUntrusted));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("abc")]
    [TestCase("a.b")]
    [TestCase("a.b.c.d")]
    [TestCase("..")]
    [TestCase("e30.e30.")]
    [TestCase("!!!.e30.AAAA")]
    [TestCase("e30=.e30.AAAA")]
    [TestCase("bm90IGpzb24.e30.AAAA", Description = "header is not JSON")]
    [TestCase("W10.e30.AAAA", Description = "header is an array")]
    [TestCase("eyJhbGciOjF9.e30.AAAA", Description = "alg is a number")]
    [TestCase("eyJhbGciOiJFUzI1NiIsIng1YyI6IioqKiJ9.e30.AAAA", Description = "x5c is not an array")]
    [TestCase("eyJhbGciOiJFUzI1NiIsIng1YyI6W119.e30.AAAA", Description = "x5c is empty")]
    [TestCase("eyJhbGciOiJFUzI1NiIsIng1YyI6WyIqKioiXX0.e30.AAAA", Description = "x5c entry is not base64")]
    public void Verify_MalformedBlob_FailsMalformed(string text)
    {
        var result = MetadataBlobVerifier.Verify(Encoding.ASCII.GetBytes(text), _pki.Settings());

        Assert.That((result.Error, result.FailureReason), Is.EqualTo((MetadataBlobError.Malformed, MfaFailureReason.MetadataInvalid)));
    }

    [Test]
    public void Verify_X5cEntryNotACertificate_FailsMalformedCertificate()
    {
        var header = "{\"alg\":\"ES256\",\"x5c\":[\"AAECAwQ=\"]}";

        Assert.That(MetadataBlobVerifier.Verify(_pki.Sign(Payload(), header), _pki.Settings()).Error, Is.EqualTo(MetadataBlobError.MalformedCertificate));
    }

    [TestCase("{}")]
    [TestCase("[]")]
    [TestCase("{\"no\":\"5\",\"nextUpdate\":\"2025-02-01\",\"entries\":[]}")]
    [TestCase("{\"no\":5,\"nextUpdate\":\"01/02/2025\",\"entries\":[]}")]
    [TestCase("{\"no\":5,\"nextUpdate\":\"2025-02-01\",\"entries\":{}}")]
    [TestCase("{\"no\":-1,\"nextUpdate\":\"2025-02-01\",\"entries\":[]}")]
    [TestCase("not json")]
    public void Verify_SignedButMalformedPayload_FailsMalformed(string payload)
    {
        Assert.That(MetadataBlobVerifier.Verify(_pki.Sign(payload), _pki.Settings()).Error, Is.EqualTo(MetadataBlobError.Malformed));
    }

    [Test]
    public void Verify_EntryWithBadAaguid_IsSkippedAndCounted()
    {
        var payload = "{\"no\":5,\"nextUpdate\":\"2025-02-01\",\"entries\":[{\"aaguid\":\"not-a-guid\"},{\"aaguid\":\"" + s_aaguid + "\",\"statusReports\":[]},42]}";

        var result = MetadataBlobVerifier.Verify(_pki.Sign(payload), _pki.Settings());

        Assert.That((result.Blob?.Entries.Count, result.Blob?.SkippedEntries), Is.EqualTo(((int?)1, (int?)2)));
    }

    [Test]
    public void Verify_RandomMutations_NeverThrowAndNeverSucceed()
    {
        // Fuzz: flip, drop or insert bytes of a valid BLOB; every outcome must be a typed failure.
        var valid = _pki.Sign(Payload());
        var settings = _pki.Settings();
        var random = new Random(20261204);
        for (var i = 0; i < 300; i++)
        {
            var mutated = valid.ToList();
            var position = random.Next(mutated.Count);
            switch (i % 3)
            {
                case 0: mutated[position] ^= (byte)(1 << random.Next(8)); break;
                case 1: mutated.RemoveAt(position); break;
                default: mutated.Insert(position, (byte)random.Next(256)); break;
            }

            var bytes = mutated.ToArray();
            MetadataBlobVerificationResult? result = null;
            Assert.That(() => result = MetadataBlobVerifier.Verify(bytes, settings), Throws.Nothing);
            if (!bytes.AsSpan().Trim(" \t\r\n"u8).SequenceEqual(valid))
            {
                Assert.That(result!.Succeeded, Is.False, $"mutation {i} verified");
            }
        }
    }
}
