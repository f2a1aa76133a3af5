using System.Security.Cryptography;
using Mfa.Core;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Tests.Parsing;

[TestFixture]
public sealed class AuthenticatorDataTests
{
    private static readonly byte[] s_coseKey = TestCbor.EncodeKey(ECDsa.Create(ECCurve.NamedCurves.nistP256), -7);

    private static byte[] Valid() => TestCbor.AuthData(s_coseKey, aaguid: [.. Enumerable.Repeat((byte)0xAA, 16)], signCount: 7);

    [Test]
    public void TryParse_ValidWithAttestedData_ParsesEveryField()
    {
        var raw = Valid();

        var parsed = AuthenticatorData.TryParse(raw, out var data, out var failure);

        Assert.That((parsed, failure), Is.EqualTo((true, MfaFailureReason.None)));
        Assert.That(data!.RpIdHash.ToArray(), Is.EqualTo(SHA256.HashData("example.org"u8)));
        Assert.That(data.Flags, Is.EqualTo(AuthenticatorDataFlags.UserPresent | AuthenticatorDataFlags.UserVerified | AuthenticatorDataFlags.AttestedCredentialData));
        Assert.That(data.SignCount, Is.EqualTo(7u));
        Assert.That(data.AttestedCredential!.Aaguid.ToArray(), Is.EqualTo(Enumerable.Repeat((byte)0xAA, 16)));
        Assert.That(data.AttestedCredential.CredentialId.Length, Is.EqualTo(16));
        Assert.That(data.AttestedCredential.CredentialPublicKey.ToArray(), Is.EqualTo(s_coseKey));
        Assert.That(data.Extensions, Is.Null);
    }

    [Test]
    public void TryParse_Exactly37BytesWithoutAttestedData_Succeeds()
    {
        var raw = Valid()[..37];
        raw[32] = 0x05;

        Assert.That(AuthenticatorData.TryParse(raw, out var data, out _), Is.True);
        Assert.That(data!.AttestedCredential, Is.Null);
    }

    [Test]
    public void TryParse_36Bytes_IsMalformed()
    {
        var raw = Valid()[..36];

        Assert.That(AuthenticatorData.TryParse(raw, out var data, out var failure), Is.False);
        Assert.That((data, failure), Is.EqualTo(((AuthenticatorData?)null, MfaFailureReason.MalformedInput)));
    }

    [Test]
    public void TryParse_TrailingByte_IsMalformed()
    {
        byte[] raw = [.. Valid(), 0x00];

        Assert.That(AuthenticatorData.TryParse(raw, out _, out var failure), Is.False);
        Assert.That(failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryParse_AtFlagWithoutAttestedData_IsMalformed()
    {
        var raw = Valid()[..37];

        Assert.That(AuthenticatorData.TryParse(raw, out _, out var failure), Is.False);
        Assert.That(failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryParse_AttestedDataWithoutAtFlag_IsMalformed()
    {
        var raw = Valid();
        raw[32] = 0x05;

        Assert.That(AuthenticatorData.TryParse(raw, out _, out var failure), Is.False);
        Assert.That(failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryParse_CredentialIdOf1023Bytes_Succeeds()
    {
        var raw = TestCbor.AuthData(s_coseKey, credentialId: new byte[1023]);

        Assert.That(AuthenticatorData.TryParse(raw, out var data, out _), Is.True);
        Assert.That(data!.AttestedCredential!.CredentialId.Length, Is.EqualTo(1023));
    }

    [Test]
    public void TryParse_CredentialIdOf1024Bytes_IsMalformed()
    {
        var raw = TestCbor.AuthData(s_coseKey, credentialId: new byte[1024]);

        Assert.That(AuthenticatorData.TryParse(raw, out _, out var failure), Is.False);
        Assert.That(failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryParse_CredentialIdLongerThanData_IsMalformed()
    {
        var raw = Valid();
        raw[53] = 0x03;
        raw[54] = 0xFF;

        Assert.That(AuthenticatorData.TryParse(raw, out _, out var failure), Is.False);
        Assert.That(failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryParse_PublicKeyNotAMap_IsMalformed()
    {
        var raw = TestCbor.AuthData([0x82, 0x01, 0x02]);

        Assert.That(AuthenticatorData.TryParse(raw, out _, out var failure), Is.False);
        Assert.That(failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryParse_ExtensionsWithEdFlag_AreSliced()
    {
        byte[] extensions = TestCbor.Map((TestCbor.Text("credProtect"), TestCbor.Int(2)));
        byte[] raw = [.. Valid(), .. extensions];
        raw[32] |= 0x80;

        Assert.That(AuthenticatorData.TryParse(raw, out var data, out _), Is.True);
        Assert.That(data!.Extensions!.Value.ToArray(), Is.EqualTo(extensions));
    }

    [Test]
    public void TryParse_ExtensionsWithoutEdFlag_IsMalformed()
    {
        byte[] raw = [.. Valid(), .. TestCbor.Map((TestCbor.Text("credProtect"), TestCbor.Int(2)))];

        Assert.That(AuthenticatorData.TryParse(raw, out _, out var failure), Is.False);
        Assert.That(failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryParse_EdFlagWithoutExtensions_IsMalformed()
    {
        var raw = Valid();
        raw[32] |= 0x80;

        Assert.That(AuthenticatorData.TryParse(raw, out _, out var failure), Is.False);
        Assert.That(failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryParse_NonCanonicalExtensions_IsMalformed()
    {
        // Keys "b" before "a": valid CBOR, but not CTAP2 canonical.
        byte[] extensions = TestCbor.Map((TestCbor.Text("b"), TestCbor.Int(1)), (TestCbor.Text("a"), TestCbor.Int(1)));
        byte[] raw = [.. Valid(), .. extensions];
        raw[32] |= 0x80;

        Assert.That(AuthenticatorData.TryParse(raw, out _, out var failure), Is.False);
        Assert.That(failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryParse_DeeplyNestedExtensions_IsMalformed()
    {
        // {"x": [[[[...]]]]} nested 100 deep.
        byte[] extensions = [0xA1, 0x61, (byte)'x', .. Enumerable.Repeat((byte)0x81, 100), 0x00];
        byte[] raw = [.. Valid(), .. extensions];
        raw[32] |= 0x80;

        Assert.That(AuthenticatorData.TryParse(raw, out _, out var failure), Is.False);
        Assert.That(failure, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void TryParse_EveryTruncation_FailsWithoutThrowing()
    {
        var raw = Valid();
        for (var length = 38; length < raw.Length; length++)
        {
            Assert.That(AuthenticatorData.TryParse(raw.AsMemory(0, length), out _, out var failure), Is.False, $"length {length}");
            Assert.That(failure, Is.EqualTo(MfaFailureReason.MalformedInput));
        }
    }
}
