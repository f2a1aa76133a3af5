using System.Security.Cryptography;
using Mfa.Push.Keys;

namespace Mfa.Push.Tests.Keys;

[TestFixture]
public sealed class PushPublicKeyTests
{
    [TestCase("device_possession_key")]
    [TestCase("device_uv_key")]
    public void Thumbprint_ExampleKeys_IsTheRfc7638Value(string name)
    {
        var key = PushTestHost.Example.PublicKey(name);
        Assert.That(key.Thumbprint, Is.EqualTo(TestData.Str(TestData.Example["keys"]![name]!["jkt_rfc7638"])));
    }

    [Test]
    public void ExportSubjectPublicKeyInfo_ServerKey_IsTheExampleSpkiAndHashesToSkh()
    {
        var server = TestData.Example["keys"]!["server_challenge_key"]!;
        var key = PushTestHost.Example.PublicKey("server_challenge_key");
        var spki = key.ExportSubjectPublicKeyInfo();
        Assert.That(System.Buffers.Text.Base64Url.EncodeToString(spki), Is.EqualTo(TestData.Str(server["spki_der_b64url"])));
        Assert.That(System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(spki)), Is.EqualTo(TestData.Str(server["skh"])));
    }

    [Test]
    public void TryParseJwk_PrivateMember_IsRefused()
    {
        var jwk = TestData.Example["keys"]!["device_possession_key"]!["jwk_private"]!.ToJsonString();
        Assert.That(PushPublicKey.TryParseJwk(jwk, out _), Is.False);
    }

    [Test]
    public void TryCreate_PointOffTheCurve_IsRefused()
    {
        var key = PushTestHost.Example.PublicKey("device_possession_key");
        var y = System.Buffers.Text.Base64Url.DecodeFromChars(key.Y);
        y[^1] ^= 1;
        Assert.That(PushPublicKey.TryCreate(key.X, System.Buffers.Text.Base64Url.EncodeToString(y), out _), Is.False);
    }

    [TestCase("{\"kty\":\"EC\",\"crv\":\"P-384\",\"x\":\"YP7UuiVanTHJYet0xjVtaMBJuJI7Yfps5mliLmDyn7Y\",\"y\":\"eQP-EAi4vJmkGunpVii8ZPLxsgwtfp9Rd6PClNRGIpk\"}", Description = "other curve")]
    [TestCase("{\"kty\":\"RSA\",\"crv\":\"P-256\",\"x\":\"YP7UuiVanTHJYet0xjVtaMBJuJI7Yfps5mliLmDyn7Y\",\"y\":\"eQP-EAi4vJmkGunpVii8ZPLxsgwtfp9Rd6PClNRGIpk\"}", Description = "other kty")]
    [TestCase("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"YP7UuiVanTHJYet0xjVtaMBJuJI7Yfps5mliLmDyn7Y\"}", Description = "no y")]
    [TestCase("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"YP7U\",\"y\":\"eQP-EAi4vJmkGunpVii8ZPLxsgwtfp9Rd6PClNRGIpk\"}", Description = "short x")]
    [TestCase("{\"kty\":\"EC\",\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"YP7UuiVanTHJYet0xjVtaMBJuJI7Yfps5mliLmDyn7Y\",\"y\":\"eQP-EAi4vJmkGunpVii8ZPLxsgwtfp9Rd6PClNRGIpk\"}", Description = "duplicate member")]
    public void TryParseJwk_NotAP256PublicJwk_IsRefused(string json) => Assert.That(PushPublicKey.TryParseJwk(json, out _), Is.False);

    [Test]
    public void TryParseJwk_ExamplePublicJwk_RoundTrips()
    {
        const string Json = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"YP7UuiVanTHJYet0xjVtaMBJuJI7Yfps5mliLmDyn7Y\",\"y\":\"eQP-EAi4vJmkGunpVii8ZPLxsgwtfp9Rd6PClNRGIpk\"}";
        Assert.That(PushPublicKey.TryParseJwk(Json, out var key), Is.True);
        Assert.That(key!.ToJwkJson(), Is.EqualTo(Json));
        Assert.That(key.UncompressedPoint, Is.EqualTo(TestData.Str(TestData.Load("push/rfc6979-appendix-a.2.5-p256-sha256.json")["public_key"]!["x962_uncompressed_b64url"])));
    }
}
