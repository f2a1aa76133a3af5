using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mfa.Core;
using Mfa.WebAuthn.Attestation;
using static Mfa.WebAuthn.Tests.TestCbor;

namespace Mfa.WebAuthn.Tests.Attestation;

[TestFixture]
public sealed class AndroidKeyAttestationTests
{
    private AttestationFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new AttestationFixture();

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    /// <summary>An authorization list entry: [tag] EXPLICIT value.</summary>
    private sealed record Entry(int Tag, Action<AsnWriter> Write);

    private static Entry Purpose(params int[] purposes) => new(1, w =>
    {
        using (w.PushSetOf())
        {
            foreach (var purpose in purposes)
            {
                w.WriteInteger(purpose);
            }
        }
    });

    private static Entry Origin(int origin) => new(702, w => w.WriteInteger(origin));

    private static Entry AllApplications() => new(600, w => w.WriteNull());

    private static X509Extension KeyDescription(byte[] challenge, Entry[] software, Entry[] tee)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(3);
            writer.WriteEnumeratedValue(AsnSecurityLevel.TrustedEnvironment);
            writer.WriteInteger(4);
            writer.WriteEnumeratedValue(AsnSecurityLevel.TrustedEnvironment);
            writer.WriteOctetString(challenge);
            writer.WriteOctetString([]);
            WriteList(writer, software);
            WriteList(writer, tee);
        }

        return new X509Extension(AndroidKeyDescription.ExtensionOid, writer.Encode(), false);
    }

    private static void WriteList(AsnWriter writer, Entry[] entries)
    {
        using (writer.PushSequence())
        {
            foreach (var entry in entries.OrderBy(e => e.Tag))
            {
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, entry.Tag, isConstructed: true)))
                {
                    entry.Write(writer);
                }
            }
        }
    }

    private AttestationResult Verify(X509Extension? description, ECDsa? certificateKey = null, byte[]? signature = null)
    {
        var key = certificateKey ?? _fixture.CredentialKey;
        var leaf = _fixture.Issue(key, "CN=Android Keystore Key", description is null ? [] : [description]);
        signature ??= key.SignData(_fixture.SignedData, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var statement = Map((Text("alg"), Int(-7)), (Text("sig"), Bytes(signature)), (Text("x5c"), ByteArray(leaf.RawData)));
        return AttestationVerifier.Verify(_fixture.Input("android-key", statement));
    }

    private X509Extension Valid() => KeyDescription(_fixture.ClientDataHash, [], [Purpose(2), Origin(0)]);

    [Test]
    public void Verify_Valid_IsBasic()
    {
        var result = Verify(Valid());

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.None), result.Message);
        Assert.That((result.Type, result.TrustPath.Count), Is.EqualTo((AttestationType.Basic, 1)));
    }

    [Test]
    public void Verify_AuthorizationsInSoftwareList_Succeeds() =>
        Assert.That(Verify(KeyDescription(_fixture.ClientDataHash, [Purpose(2), Origin(0)], [])).Failure, Is.EqualTo(MfaFailureReason.None));

    [Test]
    public void Verify_OtherChallenge_IsInvalidAttestation() =>
        Assert.That(Verify(KeyDescription(new byte[32], [], [Purpose(2), Origin(0)])).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_AllApplicationsInTeeList_IsInvalidAttestation() =>
        Assert.That(Verify(KeyDescription(_fixture.ClientDataHash, [], [Purpose(2), AllApplications(), Origin(0)])).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_AllApplicationsInSoftwareList_IsInvalidAttestation() =>
        Assert.That(Verify(KeyDescription(_fixture.ClientDataHash, [AllApplications()], [Purpose(2), Origin(0)])).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_ImportedKey_IsInvalidAttestation() =>
        Assert.That(Verify(KeyDescription(_fixture.ClientDataHash, [], [Purpose(2), Origin(2)])).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_EncryptPurposeToo_IsInvalidAttestation() =>
        Assert.That(Verify(KeyDescription(_fixture.ClientDataHash, [], [Purpose(0, 2), Origin(0)])).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_NoKeyDescription_IsInvalidAttestation() =>
        Assert.That(Verify(null).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_CertificateForOtherKey_IsInvalidAttestation()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.That(Verify(Valid(), other).Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));
    }

    [Test]
    public void Verify_BadSignature_IsInvalidSignature()
    {
        var signature = _fixture.CredentialKey.SignData("other"u8.ToArray(), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        Assert.That(Verify(Valid(), signature: signature).Failure, Is.EqualTo(MfaFailureReason.InvalidSignature));
    }

    [Test]
    public void Verify_TruncatedKeyDescription_IsMalformed()
    {
        var truncated = new X509Extension(AndroidKeyDescription.ExtensionOid, Valid().RawData[..20], false);

        Assert.That(Verify(truncated).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    private enum AsnSecurityLevel
    {
        TrustedEnvironment = 1,
    }
}
