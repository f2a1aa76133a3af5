using Mfa.Core;
using Mfa.WebAuthn.Attestation;
using static Mfa.WebAuthn.Tests.TestCbor;

namespace Mfa.WebAuthn.Tests.Attestation;

[TestFixture]
public sealed class AttestationVerifierTests
{
    private AttestationFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new AttestationFixture();

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public void Verify_None_IsNoneWithEmptyTrustPath()
    {
        var result = AttestationVerifier.Verify(_fixture.Input("none", [0xA0]));

        Assert.That((result.Failure, result.Type, result.TrustPath.Count), Is.EqualTo((MfaFailureReason.None, AttestationType.None, 0)));
    }

    [Test]
    public void Verify_NoneWithMembers_IsMalformed() =>
        Assert.That(AttestationVerifier.Verify(_fixture.Input("none", Map((Text("foo"), Text("bar"))))).Failure, Is.EqualTo(MfaFailureReason.MalformedInput));

    [TestCase("not_real_fmt")]
    [TestCase("Packed")]
    [TestCase("fido-u2f ")]
    public void Verify_UnknownFormat_IsUnsupportedAttestationFormat(string format)
    {
        var result = AttestationVerifier.Verify(_fixture.Input(format, [0xA0]));

        Assert.That(result.Failure, Is.EqualTo(MfaFailureReason.UnsupportedAttestationFormat));
        Assert.That(result.Message, Is.Not.Empty);
    }

    [TestCase("none")]
    [TestCase("packed")]
    [TestCase("fido-u2f")]
    [TestCase("tpm")]
    [TestCase("android-key")]
    [TestCase("android-safetynet")]
    [TestCase("apple")]
    [TestCase("compound")]
    public void Verify_GarbageStatement_IsMalformedWithoutThrowing(string format)
    {
        byte[][] garbage = [[], [0xFF], [0x5B, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], [0xA1, 0x01, 0x02], [0xA1, 0x63, (byte)'s', (byte)'i', (byte)'g', 0x01]];

        foreach (var statement in garbage)
        {
            var result = AttestationVerifier.Verify(_fixture.Input(format, statement));
            Assert.That(result.Succeeded, Is.False, Convert.ToHexString(statement));
        }
    }

    [Test]
    public void Verify_Null_Throws() =>
        Assert.That(() => AttestationVerifier.Verify(null!), Throws.ArgumentNullException);
}
