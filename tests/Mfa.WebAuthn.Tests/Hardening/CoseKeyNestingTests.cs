using System.Buffers.Binary;
using System.Formats.Cbor;
using Mfa.Core;
using Mfa.WebAuthn.Cose;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Tests.Hardening;

/// <summary>
/// Issue #9: a COSE public key nested deeper than CTAP2 §8 allows (four levels of maps and arrays, the key's own map
/// included) inside an otherwise valid registration is refused, also inside members the parser skips. Before the fix
/// the skip allowed eight levels, so the five-level cases below were accepted.
/// </summary>
[TestFixture]
public sealed class CoseKeyNestingTests
{
    private static readonly DateTimeOffset s_now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string CreationOptions = """
        {"rp":{"id":"example.com","name":"Example"},"user":{"id":"dXNlcg","name":"u","displayName":"u"},
         "challenge":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8","pubKeyCredParams":[{"type":"public-key","alg":-7}],
         "authenticatorSelection":{"userVerification":"preferred"}}
        """;

    [TestCase(4, ExpectedResult = true, Description = "four levels: the CTAP2 limit")]
    [TestCase(5, ExpectedResult = false, Description = "five levels: failed (was accepted) before the fix")]
    [TestCase(9, ExpectedResult = false)]
    public bool VerifyRegistration_UnknownIntegerMemberNested_RefusedBeyondCtap2Depth(int levels)
    {
        using var key = new TestAuthenticator(WebAuthnHarness.Origin);
        var result = Register(key, CoseKeyWithNestedMember(key, levels, textLabel: false));

        Assert.That(result.FailureReason, Is.AnyOf(MfaFailureReason.None, MfaFailureReason.MalformedInput));
        return result.Succeeded;
    }

    [TestCase(4, ExpectedResult = true)]
    [TestCase(5, ExpectedResult = false, Description = "failed (was accepted) before the fix")]
    public bool VerifyRegistration_UnknownTextMemberNested_RefusedBeyondCtap2Depth(int levels)
    {
        using var key = new TestAuthenticator(WebAuthnHarness.Origin);
        var result = Register(key, CoseKeyWithNestedMember(key, levels, textLabel: true));

        Assert.That(result.FailureReason, Is.AnyOf(MfaFailureReason.None, MfaFailureReason.MalformedInput));
        return result.Succeeded;
    }

    [TestCase(4, ExpectedResult = true)]
    [TestCase(5, ExpectedResult = false, Description = "failed (was accepted) before the fix")]
    public bool TryDecode_NestedUnknownMember_RefusedBeyondCtap2Depth(int levels)
    {
        using var key = new TestAuthenticator(WebAuthnHarness.Origin);
        return CoseKey.TryDecode(CoseKeyWithNestedMember(key, levels, textLabel: false), allowRs1: false, out _, out _);
    }

    [TestCase(4, ExpectedResult = true)]
    [TestCase(5, ExpectedResult = false, Description = "failed (was accepted) before the fix")]
    public bool AuthenticatorDataTryParse_ExtensionsNested_RefusedBeyondCtap2Depth(int levels)
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(1);
        writer.WriteTextString("x");
        Nest(writer, levels - 1);
        writer.WriteEndMap();
        var data = TestAuthenticator.AuthenticatorData("example.com", AuthenticatorDataFlags.UserPresent | AuthenticatorDataFlags.ExtensionData, 1, null, writer.Encode());

        return AuthenticatorData.TryParse(data, out _, out _);
    }

    /// <summary>A valid ES256 COSE key plus member 99 (or "x") holding <paramref name="levels"/> - 1 nested arrays.</summary>
    internal static byte[] CoseKeyWithNestedMember(TestAuthenticator key, int levels, bool textLabel)
    {
        var reader = new CborReader(key.CosePublicKey(), CborConformanceMode.Ctap2Canonical);
        var count = reader.ReadStartMap()!.Value;
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(count + 1);
        for (var i = 0; i < count; i++)
        {
            writer.WriteEncodedValue(reader.ReadEncodedValue().Span);
            writer.WriteEncodedValue(reader.ReadEncodedValue().Span);
        }

        if (textLabel)
        {
            writer.WriteTextString("x");
        }
        else
        {
            writer.WriteInt32(99);
        }

        Nest(writer, levels - 1);
        writer.WriteEndMap();
        return writer.Encode();
    }

    private static void Nest(CborWriter writer, int levels)
    {
        for (var i = 0; i < levels; i++)
        {
            writer.WriteStartArray(1);
        }

        writer.WriteInt32(1);
        for (var i = 0; i < levels; i++)
        {
            writer.WriteEndArray();
        }
    }

    private static WebAuthnRegistrationResult Register(TestAuthenticator key, byte[] cose)
    {
        var ceremony = key.Register(CreationOptions);
        var attested = new byte[16 + 2 + key.CredentialId.Length + cose.Length];
        BinaryPrimitives.WriteUInt16BigEndian(attested.AsSpan(16), (ushort)key.CredentialId.Length);
        key.CredentialId.CopyTo(attested, 18);
        cose.CopyTo(attested, 18 + key.CredentialId.Length);
        var authData = TestAuthenticator.AuthenticatorData("example.com", ceremony.Flags, 0, attested, null);
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(3);
        writer.WriteTextString("fmt");
        writer.WriteTextString("none");
        writer.WriteTextString("attStmt");
        writer.WriteStartMap(0);
        writer.WriteEndMap();
        writer.WriteTextString("authData");
        writer.WriteByteString(authData);
        writer.WriteEndMap();
        ceremony.AttestationObjectOverride = writer.Encode();
        var options = new WebAuthnOptions { RelyingPartyId = "example.com", RelyingPartyName = "Example", Origins = [WebAuthnHarness.Origin] };
        return WebAuthnVerifier.VerifyRegistration(CreationOptions, ceremony.ToJson(), options, s_now);
    }
}
