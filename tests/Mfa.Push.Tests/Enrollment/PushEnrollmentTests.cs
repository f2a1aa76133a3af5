using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Mfa.Core;
using Mfa.Push.Device;
using Mfa.Push.Enrollment;

namespace Mfa.Push.Tests.Enrollment;

/// <summary>Push spec §3.4: each verifier check, in the spec's order.</summary>
[TestFixture]
public sealed class PushEnrollmentTests
{
    private static (PushEnrollmentStart Start, PushEnrollmentLink Link, PushDevice Device) Begin(PushTestHost host, bool withUvKey = true)
    {
        var start = host.Enrollment.Begin("alice@example.com");
        Assert.That(PushEnrollmentLink.TryParse(start.Uri, out var link, out _), Is.True);
        return (start, link!, PushDevice.Create(withUvKey, host.Time));
    }

    private static string Request(PushDevice device, PushEnrollmentLink link, DevicePushAddress? address = null) =>
        device.CreateEnrollmentRequest(link, new PushDeviceInfo("ios", "Alice's phone", "2.1", "18.2"), address ?? DevicePushAddress.Fcm("token"));

    /// <summary>Re-signs a request after <paramref name="edit"/> changed its payload (what a device with the key could send).</summary>
    private static string Resign(PushDevice device, string token, Action<JsonObject> edit)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        edit(payload);
        var jwk = JsonNode.Parse(device.Export())!["possession"]!;
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = System.Buffers.Text.Base64Url.DecodeFromChars(TestData.Str(jwk["x"])), Y = System.Buffers.Text.Base64Url.DecodeFromChars(TestData.Str(jwk["y"])) },
            D = System.Buffers.Text.Base64Url.DecodeFromChars(TestData.Str(jwk["d"])),
        });
        var input = parts[0] + "." + System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return input + "." + System.Buffers.Text.Base64Url.EncodeToString(key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Test]
    public void Verify_RoundTrip_BindsBothKeysAndTheAddress()
    {
        using var host = PushTestHost.Create();
        var (start, link, device) = Begin(host);
        using (device)
        {
            var result = host.Enrollment.Verify(Request(device, link, DevicePushAddress.Apns("AB12cd34", "com.example.app", production: false)), start.State, 0);
            Assert.That(result.Succeeded, Is.True, result.Message);
            Assert.That(result.Credential!.UvKey, Is.Not.Null);
            Assert.That(result.Credential.Address!.Target, Is.EqualTo("ab12cd34"));
            Assert.That(result.Credential.Address.ApnsEnvironment, Is.EqualTo("sandbox"));
            Assert.That(result.Credential.Platform, Is.EqualTo("ios"));
            Assert.That(device.CompleteEnrollment(link, result.ResponseJson!), Is.EqualTo(PushDeviceError.None));
            Assert.That(device.CredentialId, Is.EqualTo(result.Credential.CredentialId));
        }
    }

    [Test]
    public void TryReadEnrollmentId_Request_GivesTheLookupKey()
    {
        using var host = PushTestHost.Create();
        var (start, link, device) = Begin(host);
        using (device)
        {
            Assert.That(PushEnrollment.TryReadEnrollmentId(Request(device, link), out var eid), Is.True);
            Assert.That(eid, Is.EqualTo(start.EnrollmentId));
            Assert.That(PushEnrollment.TryReadEnrollmentId("a.b.c", out _), Is.False);
        }
    }

    [Test]
    public void Begin_State_KeepsOnlyTheTokensHash()
    {
        using var host = PushTestHost.Create();
        var (start, link, device) = Begin(host);
        device.Dispose();
        Assert.That(start.State.ToString(), Does.Not.Contain(link.Token));
        Assert.That(start.State.TokenHash, Is.Not.EqualTo(link.Token));
        Assert.That(start.ToString(), Does.Not.Contain(link.Token));
    }

    [Test]
    public void Verify_AfterExpiry_IsExpired()
    {
        using var host = PushTestHost.Create();
        var (start, link, device) = Begin(host);
        using (device)
        {
            host.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
            var result = host.Enrollment.Verify(Request(device, link), start.State, 0);
            Assert.That(result.Error, Is.EqualTo(PushProtocolError.EnrollmentInvalid));
            Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.Expired));
        }
    }

    [Test]
    public void Verify_WrongOneTimeToken_IsEnrollmentInvalid()
    {
        using var host = PushTestHost.Create();
        var (start, link, device) = Begin(host);
        using (device)
        {
            var token = Resign(device, Request(device, link), p => p["t"] = "w0ZUS_ndPhB-Pbyl75eJ3oZCqh9xynn1fLCouSHL-0k");
            Assert.That(host.Enrollment.Verify(token, start.State, 0).Error, Is.EqualTo(PushProtocolError.EnrollmentInvalid));
        }
    }

    [Test]
    public void Verify_RequestForAnotherEnrollment_IsEnrollmentInvalid()
    {
        using var host = PushTestHost.Create();
        var (_, link, device) = Begin(host);
        var other = host.Enrollment.Begin("bob@example.com");
        using (device)
        {
            Assert.That(host.Enrollment.Verify(Request(device, link), other.State, 0).Error, Is.EqualTo(PushProtocolError.EnrollmentInvalid));
        }
    }

    [Test]
    public void Verify_AnotherVerifier_IsClaimMismatch()
    {
        using var host = PushTestHost.Create();
        var (start, link, device) = Begin(host);
        using (device)
        {
            var token = Resign(device, Request(device, link), p => p["aud"] = "https://evil.example.com");
            Assert.That(host.Enrollment.Verify(token, start.State, 0).Error, Is.EqualTo(PushProtocolError.ClaimMismatch));
        }
    }

    [Test]
    public void Verify_TamperedPayload_IsInvalidSignature()
    {
        using var host = PushTestHost.Create();
        var (start, link, device) = Begin(host);
        using (device)
        {
            var parts = Request(device, link).Split('.');
            var other = Request(device, link, DevicePushAddress.Fcm("attacker")).Split('.');
            Assert.That(host.Enrollment.Verify(parts[0] + "." + other[1] + "." + parts[2], start.State, 0).Error, Is.EqualTo(PushProtocolError.InvalidSignature));
        }
    }

    [Test]
    public void Verify_StaleDeviceClock_IsStaleResponse()
    {
        using var host = PushTestHost.Create();
        var (start, link, device) = Begin(host);
        using (device)
        {
            var token = Resign(device, Request(device, link), p =>
            {
                p["iat"] = p["iat"]!.GetValue<long>() - 200;
                p["exp"] = p["iat"]!.GetValue<long>() + 300;
            });
            Assert.That(host.Enrollment.Verify(token, start.State, 0).Error, Is.EqualTo(PushProtocolError.StaleResponse));
        }
    }

    [Test]
    public void Verify_TokenLivingLongerThan300Seconds_IsStaleResponse()
    {
        using var host = PushTestHost.Create();
        var (start, link, device) = Begin(host);
        using (device)
        {
            var token = Resign(device, Request(device, link), p => p["exp"] = p["iat"]!.GetValue<long>() + 301);
            Assert.That(host.Enrollment.Verify(token, start.State, 0).Error, Is.EqualTo(PushProtocolError.StaleResponse));
        }
    }

    [Test]
    public void Verify_UvKeyEqualToPossessionKey_IsInvalidKey()
    {
        using var host = PushTestHost.Create();
        var (start, link, device) = Begin(host);
        using (device)
        {
            var jwk = JsonNode.Parse(device.Export())!["possession"]!.AsObject();
            jwk.Remove("d");
            var token = Resign(device, Request(device, link), p => p["uvJwk"] = jwk.DeepClone());
            Assert.That(host.Enrollment.Verify(token, start.State, 0).Error, Is.EqualTo(PushProtocolError.InvalidKey));
        }
    }

    [Test]
    public void Verify_UvKeyWithPrivatePart_IsInvalidKey()
    {
        using var host = PushTestHost.Create();
        var (start, link, device) = Begin(host);
        using (device)
        {
            var token = Resign(device, Request(device, link), p => p["uvJwk"] = JsonNode.Parse(device.Export())!["uv"]!.DeepClone());
            Assert.That(host.Enrollment.Verify(token, start.State, 0).Error, Is.EqualTo(PushProtocolError.InvalidKey));
        }
    }

    [Test]
    public void Verify_NoUvKeyWhenRequired_IsPolicyViolation()
    {
        using var host = PushTestHost.Create(o => o.RequireUvKey = true);
        var (start, link, device) = Begin(host, withUvKey: false);
        using (device)
        {
            var result = host.Enrollment.Verify(Request(device, link), start.State, 0);
            Assert.That(result.Error, Is.EqualTo(PushProtocolError.InvalidKey));
            Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.PolicyViolation));
        }
    }

    [TestCase("{\"type\":\"webpush\",\"endpoint\":\"http://push.example.net/x\",\"p256dh\":\"BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4\",\"auth\":\"BTBZMqHH6r4Tts7J_aSIgg\"}", Description = "Web Push over http")]
    [TestCase("{\"type\":\"webpush\",\"endpoint\":\"https://push.example.net/x\",\"p256dh\":\"short\",\"auth\":\"BTBZMqHH6r4Tts7J_aSIgg\"}", Description = "Web Push key not a point")]
    [TestCase("{\"type\":\"apns\",\"token\":\"abc\",\"topic\":\"com.example\",\"env\":\"production\"}", Description = "odd-length APNs token")]
    [TestCase("{\"type\":\"apns\",\"token\":\"zz\",\"topic\":\"com.example\",\"env\":\"production\"}", Description = "APNs token not hex")]
    [TestCase("{\"type\":\"apns\",\"token\":\"abcd\",\"topic\":\"com.example\",\"env\":\"staging\"}", Description = "unknown APNs environment")]
    [TestCase("{\"type\":\"fcm\",\"token\":\"\"}", Description = "empty FCM token")]
    [TestCase("{\"type\":\"inprocess\",\"id\":\"x\"}", Description = "in-process not allowed")]
    [TestCase("{\"type\":\"sms\"}", Description = "unknown type")]
    public void Verify_BadPushAddress_IsInvalidPushAddress(string push)
    {
        using var host = PushTestHost.Create();
        var (start, link, device) = Begin(host);
        using (device)
        {
            var token = Resign(device, Request(device, link), p => p["push"] = JsonNode.Parse(push));
            Assert.That(host.Enrollment.Verify(token, start.State, 0).Error, Is.EqualTo(PushProtocolError.InvalidPushAddress));
        }
    }

    [Test]
    public void Verify_PollOnly_BindsADeviceWithoutAddress()
    {
        using var host = PushTestHost.Create();
        var (start, link, device) = Begin(host);
        using (device)
        {
            var result = host.Enrollment.Verify(Request(device, link, DevicePushAddress.Poll), start.State, 0);
            Assert.That(result.Succeeded, Is.True);
            Assert.That(result.Credential!.Address, Is.Null);
            Assert.That(result.Credential.CanReceivePush, Is.False);
        }
    }

    [Test]
    public void Verify_DeviceLimitReached_IsDeviceLimit()
    {
        using var host = PushTestHost.Create();
        var (start, link, device) = Begin(host);
        using (device)
        {
            var result = host.Enrollment.Verify(Request(device, link), start.State, enrolledDeviceCount: 5);
            Assert.That(result.Error, Is.EqualTo(PushProtocolError.DeviceLimit));
        }
    }

    [Test]
    public void Verify_ChecksInTheSpecOrder_TamperedAndExpiredIsInvalidSignatureFirst()
    {
        using var host = PushTestHost.Create();
        var (start, link, device) = Begin(host);
        using (device)
        {
            var parts = Request(device, link).Split('.');
            host.Time.Advance(TimeSpan.FromHours(1));
            Assert.That(host.Enrollment.Verify(parts[0] + "." + parts[1] + "." + parts[2][..^2] + "AA", start.State, 0).Error, Is.EqualTo(PushProtocolError.InvalidSignature));
        }
    }

    [Test]
    public void Verify_ResponseTokenPostedAsEnrollment_IsWrongTyp()
    {
        using var host = PushTestHost.Create();
        var (_, credential) = host.Enroll();
        var (start, _, device) = Begin(host);
        device.Dispose();
        var token = TestData.Str(TestData.Example["responses"]!["cases"]![0]!["token"]);
        Assert.That(host.Enrollment.Verify(token, start.State, 0).Error, Is.EqualTo(PushProtocolError.WrongTyp));
        Assert.That(credential, Is.Not.Null);
    }

    [Test]
    public void CompleteEnrollment_SubstitutedServerKey_IsRefusedByThePin()
    {
        using var host = PushTestHost.Create();
        using var other = PushTestHost.Create();
        var (start, link, device) = Begin(host);
        using (device)
        {
            // The answer carries another challenge key (a compromised TLS path at enrollment).
            var genuine = host.Enrollment.Verify(Request(device, link), start.State, 0);
            var substituted = genuine.ResponseJson!.Replace(
                Mfa.Push.Keys.PushPublicKey.FromECDsa(host.ServerKey).X, Mfa.Push.Keys.PushPublicKey.FromECDsa(other.ServerKey).X, StringComparison.Ordinal).Replace(
                Mfa.Push.Keys.PushPublicKey.FromECDsa(host.ServerKey).Y, Mfa.Push.Keys.PushPublicKey.FromECDsa(other.ServerKey).Y, StringComparison.Ordinal);
            Assert.That(device.CompleteEnrollment(link, substituted), Is.EqualTo(PushDeviceError.ServerKeyMismatch));
            Assert.That(device.IsEnrolled, Is.False);
        }
    }
}
