using System.Buffers.Text;
using System.Text;
using Mfa.Core;
using Mfa.WebAuthn.Ceremonies;

namespace Mfa.WebAuthn.Tests.Ceremonies;

/// <summary>Client data parsing: JSON, never bytes; hostile shapes are typed failures.</summary>
[TestFixture]
public sealed class ClientDataVerifierTests
{
    private static readonly byte[] s_challenge = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
    private static readonly string s_encoded = Base64Url.EncodeToString(s_challenge);
    private static readonly RelyingPartyPolicy s_policy = RelyingPartyPolicy.From(new WebAuthnOptions
    {
        RelyingPartyId = "example.com",
        RelyingPartyName = "Example",
        Origins = ["https://example.com", "android:apk-key-hash:lkzRsbu0Sb6fLgmEf4lgNnhnBuaYhTsaVFDuOQ4DPgU"],
    });

    [Test]
    public void Verify_ValidClientData_Succeeds() => Assert.That(Verify(Valid()), Is.EqualTo(MfaFailureReason.None));

    [Test]
    public void Verify_PrettyPrintedWithEscapes_Succeeds()
    {
        var json = "{\r\n\t\"challenge\" : \"" + s_encoded + "\",\n \"origin\":\"https:\\/\\/example.com\", \"type\":\"webauthn.\\u0067et\", \"other\":{\"a\":[1,{\"b\":null}]}\n}";

        Assert.That(Verify(json), Is.EqualTo(MfaFailureReason.None));
    }

    [Test]
    public void Verify_LeadingByteOrderMark_IsStripped() => Assert.That(Verify([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid())]), Is.EqualTo(MfaFailureReason.None));

    [Test]
    public void Verify_AndroidApkOrigin_Succeeds() =>
        Assert.That(Verify(Valid(origin: "android:apk-key-hash:lkzRsbu0Sb6fLgmEf4lgNnhnBuaYhTsaVFDuOQ4DPgU")), Is.EqualTo(MfaFailureReason.None));

    [TestCase("https://example.com/")]
    [TestCase("https://EXAMPLE.com")]
    [TestCase("http://example.com")]
    [TestCase("https://example.com:443")]
    public void Verify_OriginNotExactlyConfigured_FailsOriginNotAllowed(string origin) => Assert.That(Verify(Valid(origin: origin)), Is.EqualTo(MfaFailureReason.OriginNotAllowed));

    [Test]
    public void Verify_NoType_FailsWrongType() => Assert.That(Verify("{\"challenge\":\"" + s_encoded + "\",\"origin\":\"https://example.com\"}"), Is.EqualTo(MfaFailureReason.WrongType));

    [Test]
    public void Verify_PaddedChallenge_FailsWrongChallenge() => Assert.That(Verify(Valid(challenge: s_encoded + "=")), Is.EqualTo(MfaFailureReason.WrongChallenge));

    [Test]
    public void Verify_HugeChallenge_FailsWrongChallenge() => Assert.That(Verify(Valid(challenge: new string('A', 5000))), Is.EqualTo(MfaFailureReason.WrongChallenge));

    [TestCase("")]
    [TestCase("[]")]
    [TestCase("\"text\"")]
    [TestCase("{\"type\":\"webauthn.get\"")]
    [TestCase("{\"type\":1}")]
    [TestCase("{\"crossOrigin\":\"yes\"}")]
    [TestCase("{\"type\":\"webauthn.get\",\"type\":\"webauthn.get\"}")]
    [TestCase("{} {}")]
    [TestCase("{\"a\":1} trailing")]
    [TestCase("{/* comment */}")]
    public void Verify_NotAnObjectOfTheRightShape_FailsMalformedInput(string json) => Assert.That(Verify(json), Is.EqualTo(MfaFailureReason.MalformedInput));

    [Test]
    public void Verify_DeepNesting_FailsMalformedInput() =>
        Assert.That(Verify("{\"x\":" + new string('[', 100) + new string(']', 100) + "}"), Is.EqualTo(MfaFailureReason.MalformedInput));

    [Test]
    public void Verify_InvalidUtf8_FailsMalformedInput()
    {
        byte[] json = [.. Encoding.UTF8.GetBytes(Valid()[..^1] + ",\"x\":\""), 0xC3, 0x28, .. "\"}"u8];

        Assert.That(Verify(json), Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void Verify_Oversized_FailsMalformedInput() =>
        Assert.That(Verify(Valid()[..^1] + ",\"pad\":\"" + new string('x', ClientDataVerifier.MaxLength) + "\"}"), Is.EqualTo(MfaFailureReason.MalformedInput));

    private static string Valid(string type = "webauthn.get", string? challenge = null, string origin = "https://example.com") =>
        "{\"type\":\"" + type + "\",\"challenge\":\"" + (challenge ?? s_encoded) + "\",\"origin\":\"" + origin + "\",\"crossOrigin\":false}";

    private static MfaFailureReason Verify(string json) => Verify(Encoding.UTF8.GetBytes(json));

    private static MfaFailureReason Verify(byte[] json) => ClientDataVerifier.Verify(json, "webauthn.get"u8, s_challenge, s_policy, out _);
}
