using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Mfa.Core;
using Mfa.WebAuthn.Attestation;
using static Mfa.WebAuthn.Tests.TestCbor;

namespace Mfa.WebAuthn.Tests.Attestation;

[TestFixture]
public sealed class AndroidSafetyNetAttestationTests
{
    private AttestationFixture _fixture = null!;
    private RSA _jwsKey = null!;

    [SetUp]
    public void SetUp()
    {
        _fixture = new AttestationFixture();
        _jwsKey = RSA.Create(2048);
    }

    [TearDown]
    public void TearDown()
    {
        _jwsKey.Dispose();
        _fixture.Dispose();
    }

    private X509Certificate2 Leaf(string hostname = "attest.android.com", AsymmetricAlgorithm? key = null)
    {
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(hostname);
        return _fixture.Issue(key ?? _jwsKey, "CN=" + hostname + ", O=Google LLC, C=US", [san.Build()]);
    }

    private string Nonce => Convert.ToBase64String(SHA256.HashData(_fixture.SignedData));

    private static string Segment(object value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));

    private byte[] Statement(
        string? nonce = null, DateTimeOffset? timestamp = null, bool cts = true, X509Certificate2? leaf = null, bool tamper = false, string version = "12345", string alg = "RS256", ECDsa? ecKey = null)
    {
        leaf ??= Leaf();
        var header = Segment(new Dictionary<string, object> { ["alg"] = alg, ["x5c"] = new[] { Convert.ToBase64String(leaf.RawData) } });
        var payload = Segment(new Dictionary<string, object>
        {
            ["nonce"] = nonce ?? Nonce,
            ["timestampMs"] = (timestamp ?? AttestationFixture.Now).ToUnixTimeMilliseconds(),
            ["apkPackageName"] = "com.google.android.gms",
            ["ctsProfileMatch"] = cts,
            ["basicIntegrity"] = true,
        });
        var signed = Encoding.ASCII.GetBytes(header + "." + payload);
        var signature = ecKey is not null
            ? ecKey.SignData(signed, HashAlgorithmName.SHA256)
            : _jwsKey.SignData(signed, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (tamper)
        {
            signature[^1] ^= 0x01;
        }

        var jws = header + "." + payload + "." + Base64Url.EncodeToString(signature);
        return Map((Text("ver"), Text(version)), (Text("response"), Bytes(Encoding.ASCII.GetBytes(jws))));
    }

    private AttestationResult Verify(byte[] statement, bool requireCts = false) =>
        AttestationVerifier.Verify(_fixture.Input("android-safetynet", statement, requireCts: requireCts));

    [Test]
    public void Verify_Valid_IsBasic()
    {
        var result = Verify(Statement());

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.None), result.Message);
        Assert.That((result.Type, result.TrustPath.Count), Is.EqualTo((AttestationType.Basic, 1)));
    }

    [Test]
    public void Verify_Es256Jws_Succeeds()
    {
        using var ecKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.That(Verify(Statement(leaf: Leaf(key: ecKey), alg: "ES256", ecKey: ecKey)).Failure, Is.EqualTo(MfaFailureReason.None));
    }

    [Test]
    public void Verify_TamperedJwsSignature_IsInvalidSignature() =>
        Assert.That(Verify(Statement(tamper: true)).Failure, Is.EqualTo(MfaFailureReason.InvalidSignature));

    [Test]
    public void Verify_OtherHostname_IsInvalidAttestation() =>
        Assert.That(Verify(Statement(leaf: Leaf("attest.example.com"))).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_OtherNonce_IsInvalidAttestation() =>
        Assert.That(Verify(Statement(nonce: Convert.ToBase64String(new byte[32]))).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [TestCase(-61)]
    [TestCase(61)]
    public void Verify_TimestampOutsideWindow_IsExpired(int seconds) =>
        Assert.That(Verify(Statement(timestamp: AttestationFixture.Now.AddSeconds(seconds))).Failure, Is.EqualTo(MfaFailureReason.Expired));

    [TestCase(-59)]
    [TestCase(59)]
    public void Verify_TimestampInsideWindow_Succeeds(int seconds) =>
        Assert.That(Verify(Statement(timestamp: AttestationFixture.Now.AddSeconds(seconds))).Failure, Is.EqualTo(MfaFailureReason.None));

    [Test]
    public void Verify_CtsFalseWhenRequired_IsPolicyViolation() =>
        Assert.That(Verify(Statement(cts: false), requireCts: true).Failure, Is.EqualTo(MfaFailureReason.PolicyViolation));

    [Test]
    public void Verify_CtsFalseWhenNotRequired_Succeeds() =>
        Assert.That(Verify(Statement(cts: false)).Failure, Is.EqualTo(MfaFailureReason.None));

    [Test]
    public void Verify_EmptyVersion_IsMalformed() =>
        Assert.That(Verify(Statement(version: "")).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));

    [Test]
    public void Verify_UnsupportedJwsAlgorithm_IsUnsupportedAlgorithm() =>
        Assert.That(Verify(Statement(alg: "none")).Failure, Is.EqualTo(MfaFailureReason.UnsupportedAlgorithm));

    [TestCase("not a jws")]
    [TestCase("a.b")]
    [TestCase("e30.e30.AA.AA")]
    [TestCase("!!!.e30.AA")]
    [TestCase("e30.e30.AA", Description = "{} header")]
    [TestCase("eyJhbGciOiJSUzI1NiJ9.e30.AA", Description = "no x5c")]
    [TestCase("eyJhbGciOiJSUzI1NiIsIng1YyI6IngifQ.e30.AA", Description = "x5c not an array")]
    [TestCase("eyJhbGciOiJSUzI1NiIsIng1YyI6WyIhIl19.e30.AA", Description = "x5c entry not base64")]
    [TestCase("eyJhbGciOiJSUzI1NiIsIng1YyI6W119.e30.AA", Description = "x5c empty")]
    public void Verify_ResponseNotAJws_IsMalformed(string response) =>
        Assert.That(Verify(Map((Text("ver"), Text("1")), (Text("response"), Bytes(Encoding.ASCII.GetBytes(response))))).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));

    [Test]
    public void Verify_ConformanceCaseAtSourceClock_IsExpired()
    {
        // py_webauthn disabled the freshness check and pinned 2021-09-01; the JWS was issued 2021-09-03.
        var testCase = ConformanceCases.Registration("reg-pywebauthn-android-safetynet");
        Assert.That(Mfa.WebAuthn.Parsing.AttestationObject.TryParse(ConformanceCases.Bytes(ConformanceCases.Text(testCase, "credential", "response", "attestationObject")!), out var value, out _), Is.True);
        var pinned = ConformanceCases.ParseTime(ConformanceCases.Text(testCase, "policy", "verifyAt")!);
        var attested = value!.AuthenticatorData.AttestedCredential!;
        Assert.That(WebAuthn.Cose.CoseKey.TryDecode(attested.CredentialPublicKey, false, out var key, out _), Is.True);

        var result = AttestationVerifier.Verify(new AttestationInput
        {
            Format = value.Format,
            Statement = value.Statement,
            AuthenticatorData = value.AuthenticatorData.Raw,
            ClientDataHash = SHA256.HashData(ConformanceCases.Bytes(ConformanceCases.Text(testCase, "credential", "response", "clientDataJSON")!)),
            RpIdHash = value.AuthenticatorData.RpIdHash,
            Aaguid = attested.Aaguid,
            CredentialId = attested.CredentialId,
            CredentialPublicKey = key!,
            Now = pinned,
        });

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.Expired));
    }
}
