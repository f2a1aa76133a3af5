using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Mfa.Push.Challenges;
using Mfa.Push.Device;
using Mfa.Push.Enrollment;
using Mfa.Push.Keys;
using Mfa.Push.Responses;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Push.Tests;

/// <summary>A verifier with real keys and a manual clock, and phones enrolled through the whole protocol.</summary>
internal sealed class PushTestHost : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private PushTestHost(Action<PushOptions>? configure)
    {
        Time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1767225600));
        ServerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Options = new PushOptions
        {
            VerifierId = "https://login.example.com",
            IssuerLabel = "Contoso",
            ChallengeSigningKey = ServerKey,
            ChallengeSigningKeyId = "srv-test",
        };
        configure?.Invoke(Options);
        Enrollment = new PushEnrollment(Options, Time);
        Issuer = new PushChallengeIssuer(Options, Time);
        Responses = new PushResponseVerifier(Options, Time);
        Proofs = new PushRequestProofVerifier(Options, Time);
        Updates = new PushAddressUpdateVerifier(Options, Time);
    }

    public FakeTimeProvider Time { get; }

    public ECDsa ServerKey { get; }

    public PushOptions Options { get; }

    public PushEnrollment Enrollment { get; }

    public PushChallengeIssuer Issuer { get; }

    public PushResponseVerifier Responses { get; }

    public PushRequestProofVerifier Proofs { get; }

    public PushAddressUpdateVerifier Updates { get; }

    public static PushTestHost Create(Action<PushOptions>? configure = null) => new(configure);

    /// <summary>QR code → device request → verifier → device completes: the whole of push spec §3.</summary>
    public (PushDevice Device, PushDeviceCredential Credential) Enroll(bool withUvKey = true, string? userHandle = null, DevicePushAddress? address = null)
    {
        var start = Enrollment.Begin("alice@example.com", userHandle);
        Assert.That(PushEnrollmentLink.TryParse(start.Uri, out var link, out _), Is.True);
        var device = PushDevice.Create(withUvKey, Time);
        _owned.Add(device);
        var request = device.CreateEnrollmentRequest(link!, new PushDeviceInfo("android", "Test phone", "1.0", "16"), address ?? DevicePushAddress.Fcm("fcm-token"));
        var result = Enrollment.Verify(request, start.State, enrolledDeviceCount: 0);
        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(device.CompleteEnrollment(link!, result.ResponseJson!), Is.EqualTo(PushDeviceError.None));
        return (device, result.Credential!);
    }

    public PushChallengeState Challenge(params PushDeviceCredential[] devices) => Challenge(new PushContext { Application = "Contoso Portal" }, devices);

    public PushChallengeState Challenge(PushContext context, params PushDeviceCredential[] devices)
    {
        var result = Issuer.Create(null, devices, context);
        Assert.That(result.Succeeded, Is.True, result.Message);
        return result.State!;
    }

    public static PushDeviceChallenge Read(PushDevice device, PushChallengeState state)
    {
        var token = state.FindTarget(device.CredentialId!)?.Token ?? throw new InvalidOperationException("not sent to this device");
        var read = device.ReadChallenge(token);
        Assert.That(read.Error, Is.EqualTo(PushDeviceError.None));
        return read.Challenge!;
    }

    public static string Answer(PushDevice device, PushChallengeState state, PushDeviceAction action, string? number = null, PushDeviceDenyReason reason = PushDeviceDenyReason.None)
    {
        var error = device.TryAnswer(Read(device, state), action, action == PushDeviceAction.Approve ? number ?? state.DisplayNumber : number, reason, out var token);
        Assert.That(error, Is.EqualTo(PushDeviceError.None));
        return token;
    }

    public PushResponseResult Verify(string token, PushChallengeState state, params PushDeviceCredential[] devices) => Responses.Verify(token, state, devices);

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        ServerKey.Dispose();
    }

    /// <summary>The worked example's verifier, devices and challenge (shared/conformance/push/mfa-push-protocol-v1-example.json).</summary>
    internal static class Example
    {
        public static JsonNode Root => TestData.Example;

        public static string VerifierId => TestData.Str(Root["values"]!["verifierId"]);

        public static string CredentialId => TestData.Str(Root["values"]!["credentialId"]);

        public static string UserHandle => TestData.Str(Root["values"]!["userHandle"]);

        public static ECDsa PrivateKey(string name)
        {
            var jwk = Root["keys"]![name]!["jwk_private"]!;
            return ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = System.Buffers.Text.Base64Url.DecodeFromChars(TestData.Str(jwk["x"])), Y = System.Buffers.Text.Base64Url.DecodeFromChars(TestData.Str(jwk["y"])) },
                D = System.Buffers.Text.Base64Url.DecodeFromChars(TestData.Str(jwk["d"])),
            });
        }

        public static PushPublicKey PublicKey(string name)
        {
            var jwk = Root["keys"]![name]!["jwk_private"]!;
            Assert.That(PushPublicKey.TryCreate(TestData.Str(jwk["x"]), TestData.Str(jwk["y"]), out var key), Is.True);
            return key!;
        }

        public static PushOptions Options(ECDsa serverKey) => new()
        {
            VerifierId = VerifierId,
            IssuerLabel = "Contoso",
            ChallengeSigningKey = serverKey,
            ChallengeSigningKeyId = TestData.Str(Root["keys"]!["server_challenge_key"]!["kid"]),
        };

        public static PushDeviceCredential Credential() => new()
        {
            CredentialId = CredentialId,
            UserHandle = UserHandle,
            PossessionKey = PublicKey("device_possession_key"),
            UvKey = PublicKey("device_uv_key"),
            Address = new PushDeviceAddress { Kind = Mfa.Push.Transports.PushAddressKind.Fcm, Target = "fcm-registration-token-example" },
            Platform = "android",
        };

        public static PushChallengeState Challenge() => new()
        {
            ChallengeId = TestData.Str(Root["values"]!["cid"]),
            Nonce = TestData.Str(Root["values"]!["nonce"]),
            NumberMatching = PushNumberMatching.Enter,
            DisplayNumber = TestData.Str(Root["values"]!["displayNumber"]),
            Targets =
            [
                new PushChallengeTarget
                {
                    CredentialId = CredentialId,
                    UserHandle = UserHandle,
                    Token = TestData.Str(Root["challenge"]!["token"]),
                    UserVerification = PushUserVerification.Required,
                },
            ],
            CreatedAt = DateTimeOffset.FromUnixTimeSeconds(1767229200),
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(Root["responses"]!["challenge_expires_at"]!.GetValue<long>()),
        };

        /// <summary>The example's phone, imported with its published keys and the enrollment of the example.</summary>
        public static PushDevice Device(TimeProvider time)
        {
            var server = Root["keys"]!["server_challenge_key"]!["jwk_private"]!;
            var export = new JsonObject
            {
                ["v"] = 1,
                ["possession"] = Root["keys"]!["device_possession_key"]!["jwk_private"]!.DeepClone(),
                ["uv"] = Root["keys"]!["device_uv_key"]!["jwk_private"]!.DeepClone(),
                ["enrollment"] = new JsonObject
                {
                    ["verifierId"] = VerifierId,
                    ["credentialId"] = CredentialId,
                    ["userHandle"] = UserHandle,
                    ["serverKid"] = "srv-2026-01",
                    ["serverKey"] = new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = TestData.Str(server["x"]), ["y"] = TestData.Str(server["y"]) },
                    ["challenges"] = "https://login.example.com/mfa/push/v1/challenges",
                    ["pushAddress"] = "https://login.example.com/mfa/push/v1/device/push-address",
                },
            };
            Assert.That(PushDevice.TryImport(export.ToJsonString(), out var device, time), Is.True);
            return device!;
        }
    }
}
