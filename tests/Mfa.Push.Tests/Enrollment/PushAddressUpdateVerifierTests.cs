using System.Security.Cryptography;
using System.Text;
using Mfa.Push.Device;
using Mfa.Push.Enrollment;
using Mfa.Push.Keys;
using Mfa.Push.Transports;

namespace Mfa.Push.Tests.Enrollment;

/// <summary>Push spec §3.5.</summary>
[TestFixture]
public sealed class PushAddressUpdateVerifierTests
{
    [Test]
    public void Verify_NewFcmToken_ReplacesTheAddressAndMarksItWorking()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var update = device.CreatePushAddressUpdate(DevicePushAddress.Fcm("new-token"));
        Assert.That(PushAddressUpdateVerifier.TryReadCredentialId(update, out var id), Is.True);
        Assert.That(id, Is.EqualTo(credential.CredentialId));
        var result = host.Updates.Verify(update, credential with { AddressValid = false });
        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(result.Credential!.Address!.Target, Is.EqualTo("new-token"));
        Assert.That(result.Credential.AddressValid, Is.True);
        Assert.That(result.KeyRotated, Is.False);
    }

    [Test]
    public void Verify_WebPushSubscription_IsKept()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var update = device.CreatePushAddressUpdate(DevicePushAddress.WebPush(
            "https://push.example.net/push/JzLQ3raZJfFBR0aqvOMsLrt54w4rJUsV",
            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
            "BTBZMqHH6r4Tts7J_aSIgg"));
        var result = host.Updates.Verify(update, credential);
        Assert.That(result.Credential!.Address!.Kind, Is.EqualTo(PushAddressKind.WebPush));
        Assert.That(result.Credential.Address.ToTransportAddress().WebPushAuth, Is.EqualTo("BTBZMqHH6r4Tts7J_aSIgg"));
    }

    [Test]
    public void Verify_AnotherDevice_IsRefused()
    {
        using var host = PushTestHost.Create();
        var (device, _) = host.Enroll();
        var (_, other) = host.Enroll();
        var update = device.CreatePushAddressUpdate(DevicePushAddress.Fcm("x"));
        Assert.That(host.Updates.Verify(update, other).Error, Is.EqualTo(PushProtocolError.UnknownCredential));
        Assert.That(host.Updates.Verify(update, other with { CredentialId = device.CredentialId! }).Error, Is.EqualTo(PushProtocolError.InvalidSignature));
    }

    [Test]
    public void Verify_OldUpdate_IsStale()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var update = device.CreatePushAddressUpdate(DevicePushAddress.Fcm("x"));
        host.Time.Advance(TimeSpan.FromSeconds(301));
        Assert.That(host.Updates.Verify(update, credential).Error, Is.EqualTo(PushProtocolError.StaleResponse));
    }

    [Test]
    public void Verify_KeyRotationSignedByBothKeys_RotatesThePossessionKey()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        using var newKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (update, proof) = Rotation(device, newKey, newKey);
        var result = host.Updates.Verify(update, credential, proof);
        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(result.KeyRotated, Is.True);
        Assert.That(result.Credential!.PossessionKey, Is.EqualTo(PushPublicKey.FromECDsa(newKey)));
    }

    [Test]
    public void Verify_KeyRotationWithoutTheNewKeysSignature_IsRefused()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        using var newKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (update, proof) = Rotation(device, newKey, otherKey);
        Assert.That(host.Updates.Verify(update, credential, proof).Succeeded, Is.False);
        Assert.That(host.Updates.Verify(update, credential).Error, Is.EqualTo(PushProtocolError.InvalidKey));
    }

    /// <summary>An update carrying <c>newJwk</c>, signed by the device's current key, and the same payload signed by <paramref name="proofSigner"/>.</summary>
    private static (string Update, string Proof) Rotation(PushDevice device, ECDsa newKey, ECDsa proofSigner)
    {
        var plain = device.CreatePushAddressUpdate(DevicePushAddress.Fcm("rotated")).Split('.');
        var payload = System.Text.Json.Nodes.JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(plain[1]))!.AsObject();
        payload["newJwk"] = System.Text.Json.Nodes.JsonNode.Parse(PushPublicKey.FromECDsa(newKey).ToJwkJson());
        var payloadSegment = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var jwk = System.Text.Json.Nodes.JsonNode.Parse(device.Export())!["possession"]!;
        using var current = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = System.Buffers.Text.Base64Url.DecodeFromChars(TestData.Str(jwk["x"])), Y = System.Buffers.Text.Base64Url.DecodeFromChars(TestData.Str(jwk["y"])) },
            D = System.Buffers.Text.Base64Url.DecodeFromChars(TestData.Str(jwk["d"])),
        });
        var proofHeader = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            "{\"alg\":\"ES256\",\"typ\":\"mfa-push-update+jwt\",\"jwk\":" + PushPublicKey.FromECDsa(newKey).ToJwkJson() + "}"));
        return (Sign(current, plain[0] + "." + payloadSegment), Sign(proofSigner, proofHeader + "." + payloadSegment));
    }

    private static string Sign(ECDsa key, string input) =>
        input + "." + System.Buffers.Text.Base64Url.EncodeToString(key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
}
