using System.Security.Cryptography;
using System.Text;
using Mfa.Push.Jose;

namespace Mfa.Push.Tests.Jose;

[TestFixture]
public sealed class Es256Tests
{
    private static ECDsa Key(string xHex, string yHex, string? dHex = null) => ECDsa.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = Convert.FromHexString(xHex), Y = Convert.FromHexString(yHex) },
        D = dHex is null ? null : Convert.FromHexString(dHex),
    });

    private static ECDsa Rfc7515Key(bool withPrivate)
    {
        var jwk = TestData.Load("push/rfc7515-appendix-a.3-es256.json")["jwk_private"]!;
        return ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = System.Buffers.Text.Base64Url.DecodeFromChars(TestData.Str(jwk["x"])), Y = System.Buffers.Text.Base64Url.DecodeFromChars(TestData.Str(jwk["y"])) },
            D = withPrivate ? System.Buffers.Text.Base64Url.DecodeFromChars(TestData.Str(jwk["d"])) : null,
        });
    }

    [Test]
    public void Verify_Rfc7515AppendixA3PrintedSignature_Verifies()
    {
        var vector = TestData.Load("push/rfc7515-appendix-a.3-es256.json");
        using var key = Rfc7515Key(withPrivate: false);
        var signature = System.Buffers.Text.Base64Url.DecodeFromChars(TestData.Str(vector["signature"]));
        Assert.That(Es256.Verify(key, Encoding.ASCII.GetBytes(TestData.Str(vector["signing_input"])), signature), Is.True);
    }

    [Test]
    public void Verify_Rfc7515AppendixA3CompactSerialization_HasTheSignatureOverTheReceivedSigningInput()
    {
        var vector = TestData.Load("push/rfc7515-appendix-a.3-es256.json");
        var compact = TestData.Str(vector["compact"]);
        Assert.That(compact, Does.StartWith(TestData.Str(vector["signing_input"]) + "."));
        using var key = Rfc7515Key(withPrivate: false);
        var parts = compact.Split('.');
        Assert.That(Es256.Verify(key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), System.Buffers.Text.Base64Url.DecodeFromChars(parts[2])), Is.True);
    }

    [Test]
    public void Sign_Rfc7515AppendixA3Key_OwnSignatureVerifiesAndIs64Octets()
    {
        var vector = TestData.Load("push/rfc7515-appendix-a.3-es256.json");
        using var key = Rfc7515Key(withPrivate: true);
        var input = Encoding.ASCII.GetBytes(TestData.Str(vector["signing_input"]));
        var signature = Es256.Sign(key, input);
        Assert.That(signature, Has.Length.EqualTo(64));
        Assert.That(Es256.Verify(key, input, signature), Is.True);
    }

    [Test]
    public void Verify_Rfc7515AppendixA3TamperedInput_Fails()
    {
        var vector = TestData.Load("push/rfc7515-appendix-a.3-es256.json");
        using var key = Rfc7515Key(withPrivate: false);
        var signature = System.Buffers.Text.Base64Url.DecodeFromChars(TestData.Str(vector["signature"]));
        Assert.That(Es256.Verify(key, Encoding.ASCII.GetBytes(TestData.Str(vector["signing_input"]) + "x"), signature), Is.False);
    }

    [TestCase(0, Description = "RFC 6979 A.2.5 'sample' (high S)")]
    [TestCase(1, Description = "RFC 6979 A.2.5 'test' (low S)")]
    public void Verify_Rfc6979P1363Signature_Verifies(int index)
    {
        var vector = TestData.Load("push/rfc6979-appendix-a.2.5-p256-sha256.json");
        var sig = vector["signatures"]![index]!;
        using var key = Key(TestData.Str(vector["public_key"]!["ux_hex"]), TestData.Str(vector["public_key"]!["uy_hex"]));
        var message = Encoding.UTF8.GetBytes(TestData.Str(sig["message_utf8"]));
        Assert.That(Es256.Verify(key, message, System.Buffers.Text.Base64Url.DecodeFromChars(TestData.Str(sig["signature_p1363_b64url"]))), Is.True);
    }

    [TestCase(0)]
    [TestCase(1)]
    public void TryConvertDerToP1363_Rfc6979Signature_GivesRAndS(int index)
    {
        var sig = TestData.Load("push/rfc6979-appendix-a.2.5-p256-sha256.json")["signatures"]![index]!;
        Assert.That(Es256.TryConvertDerToP1363(Convert.FromHexString(TestData.Str(sig["signature_der_hex"])), out var p1363), Is.True);
        Assert.That(Convert.ToHexStringLower(p1363!), Is.EqualTo(TestData.Str(sig["r_hex"]) + TestData.Str(sig["s_hex"])));
    }

    [TestCase(0)]
    [TestCase(1)]
    public void ConvertP1363ToDer_Rfc6979Signature_GivesThePublishedDer(int index)
    {
        var sig = TestData.Load("push/rfc6979-appendix-a.2.5-p256-sha256.json")["signatures"]![index]!;
        var der = Es256.ConvertP1363ToDer(System.Buffers.Text.Base64Url.DecodeFromChars(TestData.Str(sig["signature_p1363_b64url"])));
        Assert.That(Convert.ToHexStringLower(der), Is.EqualTo(TestData.Str(sig["signature_der_hex"])));
    }

    [TestCase(0)]
    [TestCase(1)]
    public void Verify_Rfc6979DerSignature_IsRefused(int index)
    {
        var vector = TestData.Load("push/rfc6979-appendix-a.2.5-p256-sha256.json");
        var sig = vector["signatures"]![index]!;
        using var key = Key(TestData.Str(vector["public_key"]!["ux_hex"]), TestData.Str(vector["public_key"]!["uy_hex"]));
        var message = Encoding.UTF8.GetBytes(TestData.Str(sig["message_utf8"]));
        Assert.That(Es256.Verify(key, message, Convert.FromHexString(TestData.Str(sig["signature_der_hex"]))), Is.False);
    }

    [Test]
    public void TryConvertDerToP1363_TrailingBytes_IsRefused()
    {
        var sig = TestData.Load("push/rfc6979-appendix-a.2.5-p256-sha256.json")["signatures"]![0]!;
        var der = Convert.FromHexString(TestData.Str(sig["signature_der_hex"]) + "00");
        Assert.That(Es256.TryConvertDerToP1363(der, out _), Is.False);
    }
}
