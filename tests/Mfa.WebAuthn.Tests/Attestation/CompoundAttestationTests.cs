using System.Formats.Cbor;
using System.Security.Cryptography;
using Mfa.Core;
using Mfa.WebAuthn.Attestation;
using static Mfa.WebAuthn.Tests.TestCbor;

namespace Mfa.WebAuthn.Tests.Attestation;

[TestFixture]
public sealed class CompoundAttestationTests
{
    private AttestationFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new AttestationFixture();

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    private byte[] SelfStatement(bool valid = true)
    {
        var signature = _fixture.CredentialKey.SignData(valid ? _fixture.SignedData : [0x00], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return Map((Text("alg"), Int(-7)), (Text("sig"), Bytes(signature)));
    }

    private static byte[] Entry(string format, byte[] statement) => Map((Text("fmt"), Text(format)), (Text("attStmt"), Encoded(statement)));

    private static byte[] Compound(params byte[][] entries)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteStartArray(entries.Length);
        foreach (var entry in entries)
        {
            writer.WriteEncodedValue(entry);
        }

        writer.WriteEndArray();
        return writer.Encode();
    }

    private AttestationResult Verify(byte[] statement) => AttestationVerifier.Verify(_fixture.Input("compound", statement));

    [Test]
    public void Verify_TwoValidStatements_SucceedsWithBothComponents()
    {
        var result = Verify(Compound(Entry("packed", SelfStatement()), Entry("none", [0xA0])));

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.None), result.Message);
        Assert.That(result.Type, Is.EqualTo(AttestationType.Self));
        Assert.That(result.Components.Select(c => c.Type), Is.EqualTo(new[] { AttestationType.Self, AttestationType.None }));
    }

    [Test]
    public void Verify_OneInvalidStatement_FailsWithItsReason() =>
        Assert.That(Verify(Compound(Entry("none", [0xA0]), Entry("packed", SelfStatement(valid: false)))).Failure, Is.EqualTo(MfaFailureReason.InvalidSignature));

    [Test]
    public void Verify_SingleStatement_IsMalformed() =>
        Assert.That(Verify(Compound(Entry("packed", SelfStatement()))).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));

    [Test]
    public void Verify_NestedCompound_IsInvalidAttestation() =>
        Assert.That(
            Verify(Compound(Entry("none", [0xA0]), Entry("compound", Compound(Entry("none", [0xA0]), Entry("none", [0xA0]))))).Failure,
            Is.EqualTo(MfaFailureReason.InvalidAttestation));

    [Test]
    public void Verify_UnknownInnerFormat_IsUnsupportedAttestationFormat() =>
        Assert.That(Verify(Compound(Entry("none", [0xA0]), Entry("future-format", [0xA0]))).Failure, Is.EqualTo(MfaFailureReason.UnsupportedAttestationFormat));

    [Test]
    public void Verify_EntryWithExtraMember_IsMalformed()
    {
        var entry = Map((Text("fmt"), Text("none")), (Text("attStmt"), Encoded([0xA0])), (Text("x"), Int(1)));

        Assert.That(Verify(Compound(Entry("none", [0xA0]), entry)).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void Verify_StatementIsAMap_IsMalformed() =>
        Assert.That(Verify([0xA0]).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));
}
