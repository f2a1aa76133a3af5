using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mfa.WebAuthn;

namespace Mfa.Differential.Tests.WebAuthn;

/// <summary>
/// A generated registration or assertion: a software authenticator's response (any algorithm; formats none, packed
/// self, packed x5c and fido-u2f; random flags, counters and origins) with at most one mutation, as JSON both verifiers take.
/// </summary>
internal sealed class GeneratedCeremony
{
    public const string RpId = "example.org";
    public const string Origin = "https://example.org";

    public static readonly RelyingParty RelyingParty = new(RpId, [Origin, "https://login.example.org"]);

    private const byte Up = 0x01;
    private const byte Uv = 0x04;
    private const byte Be = 0x08;
    private const byte Bs = 0x10;
    private const byte At = 0x40;

    private static readonly int[] s_offered = [-7, -35, -36, -8, -257, -258, -259, -37, -38, -39];

    public required int Index { get; init; }

    public required string Ceremony { get; init; }

    public required string KeyName { get; init; }

    public required string Format { get; init; }

    public required string Mutation { get; init; }

    public required byte Flags { get; init; }

    public required uint Counter { get; init; }

    public required uint StoredCounter { get; init; }

    public required bool StoredBackupEligible { get; init; }

    public required bool RequireUserVerification { get; init; }

    public required string OptionsJson { get; init; }

    public required string ResponseJson { get; init; }

    public required byte[] CoseKey { get; init; }

    public required string CredentialId { get; init; }

    public bool BackupStateWithoutEligibility => (Flags & Bs) != 0 && (Flags & Be) == 0;

    public bool UserVerified => (Flags & Uv) != 0;

    public bool UserPresent => (Flags & Up) != 0;

    public bool BackupEligible => (Flags & Be) != 0;

    public WebAuthnOptions Options => new()
    {
        RelyingPartyId = RpId,
        RelyingPartyName = "Differential",
        Origins = [.. RelyingParty.Origins],
        UserVerification = UserVerificationRequirement.Preferred,
        Attestation = AttestationConveyance.Direct,
    };

    public WebAuthnStoredCredential StoredCredential => new(CredentialId, CoseKey)
    {
        SignCount = StoredCounter,
        BackupEligible = StoredBackupEligible,
    };

    public override string ToString() =>
        $"#{Index} {Ceremony} {KeyName} fmt={Format} mutation={Mutation} flags=0x{Flags:x2} counter={Counter} stored={StoredCounter} storedBE={StoredBackupEligible} uvRequired={RequireUserVerification}";

    public static GeneratedCeremony Registration(int index, Random random, SoftwareKey key, AttestationKeys attestation, string mutation)
    {
        var format = key.Algorithm == -7 && !key.IsEd448 ? random.Next(4) switch { 0 => "none", 1 => "packed", 2 => "packed-x5c", _ => "fido-u2f" } : random.Next(2) == 0 ? "none" : "packed";
        var uvRequired = random.Next(4) == 0;
        var flags = RandomFlags(random, uvRequired) | At;
        var counter = RandomCounter(random);
        var credentialId = RandomBytes(random, random.Next(16, 65));
        var challenge = RandomBytes(random, 32);
        var origin = mutation == "origin" ? "https://evil.example" : mutation == "origin-port" ? Origin + ":8443" : random.Next(4) == 0 ? "https://login.example.org" : Origin;
        var rpId = mutation == "rp-id" ? "evil.example" : RpId;
        flags = Mutate(flags, mutation);

        var aaguid = format == "fido-u2f" ? new byte[16] : RandomBytes(random, 16);
        var cose = key.CoseKey();
        var attested = new List<byte>(aaguid);
        attested.Add((byte)(credentialId.Length >> 8));
        attested.Add((byte)credentialId.Length);
        attested.AddRange(credentialId);
        attested.AddRange(cose);
        var authData = AuthenticatorData(rpId, (byte)flags, counter, [.. attested]);
        var clientData = ClientData(mutation == "type" ? "webauthn.get" : "webauthn.create", mutation == "challenge" ? RandomBytes(random, 32) : challenge, origin, mutation);
        var clientDataHash = SHA256.HashData(clientData);

        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(3);
        writer.WriteTextString("fmt");
        writer.WriteTextString(format == "packed-x5c" ? "packed" : format);
        writer.WriteTextString("attStmt");
        switch (format)
        {
            case "none":
                writer.WriteStartMap(0);
                writer.WriteEndMap();
                break;
            case "packed":
                writer.WriteStartMap(2);
                writer.WriteTextString("alg");
                writer.WriteInt32(key.Algorithm);
                writer.WriteTextString("sig");
                writer.WriteByteString(MaybeBreak(key.Sign([.. authData, .. clientDataHash]), mutation));
                writer.WriteEndMap();
                break;
            case "packed-x5c":
                writer.WriteStartMap(3);
                writer.WriteTextString("alg");
                writer.WriteInt32(-7);
                writer.WriteTextString("sig");
                writer.WriteByteString(MaybeBreak(attestation.Packed.SignData([.. authData, .. clientDataHash], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence), mutation));
                writer.WriteTextString("x5c");
                writer.WriteStartArray(1);
                writer.WriteByteString(attestation.PackedCertificate.RawData);
                writer.WriteEndArray();
                writer.WriteEndMap();
                break;
            default:
                var q = key.EcDsa!.ExportParameters(false).Q;
                byte[] signed = [0x00, .. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), .. clientDataHash, .. credentialId, 0x04, .. q.X!, .. q.Y!];
                writer.WriteStartMap(2);
                writer.WriteTextString("sig");
                writer.WriteByteString(MaybeBreak(attestation.U2f.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence), mutation));
                writer.WriteTextString("x5c");
                writer.WriteStartArray(1);
                writer.WriteByteString(attestation.U2fCertificate.RawData);
                writer.WriteEndArray();
                writer.WriteEndMap();
                break;
        }

        writer.WriteTextString("authData");
        writer.WriteByteString(authData);
        writer.WriteEndMap();

        var id = Base64Url.EncodeToString(mutation == "credential-id" ? RandomBytes(random, 16) : credentialId);
        var response = new JsonObject
        {
            ["id"] = id,
            ["rawId"] = id,
            ["type"] = "public-key",
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
                ["attestationObject"] = Base64Url.EncodeToString(writer.Encode()),
                ["transports"] = new JsonArray("usb"),
            },
            ["clientExtensionResults"] = new JsonObject(),
        };
        var options = new JsonObject
        {
            ["rp"] = new JsonObject { ["id"] = RpId, ["name"] = "Differential" },
            ["user"] = new JsonObject { ["id"] = "dXNlcg", ["name"] = "user", ["displayName"] = "user" },
            ["challenge"] = Base64Url.EncodeToString(challenge),
            ["pubKeyCredParams"] = new JsonArray([.. Offered(key, mutation).Select(a => (JsonNode)new JsonObject { ["type"] = "public-key", ["alg"] = a })]),
            ["attestation"] = "direct",
            ["authenticatorSelection"] = new JsonObject { ["userVerification"] = uvRequired ? "required" : "preferred" },
        };

        return new GeneratedCeremony
        {
            Index = index,
            Ceremony = "registration",
            KeyName = key.Name,
            Format = format,
            Mutation = mutation,
            Flags = (byte)flags,
            Counter = counter,
            StoredCounter = 0,
            StoredBackupEligible = false,
            RequireUserVerification = uvRequired,
            OptionsJson = options.ToJsonString(),
            ResponseJson = response.ToJsonString(),
            CoseKey = cose,
            CredentialId = Base64Url.EncodeToString(credentialId),
        };
    }

    public static GeneratedCeremony Assertion(int index, Random random, SoftwareKey key, string mutation)
    {
        var uvRequired = random.Next(4) == 0;
        var flags = Mutate(RandomFlags(random, uvRequired), mutation);
        var stored = RandomCounter(random);
        var counter = mutation switch
        {
            "counter-regression" when stored > 0 => (uint)random.NextInt64(1, stored + 1L),
            "counter-zero" => 0u,
            _ => stored == 0 && random.Next(2) == 0 ? 0u : stored + (uint)random.Next(1, 1000),
        };
        if (mutation == "counter-zero" && stored == 0)
        {
            stored = (uint)random.Next(1, 1000);
        }

        var credentialId = RandomBytes(random, random.Next(16, 65));
        var challenge = RandomBytes(random, 32);
        var origin = mutation == "origin" ? "https://evil.example" : mutation == "origin-port" ? Origin + ":8443" : random.Next(4) == 0 ? "https://login.example.org" : Origin;
        var authData = AuthenticatorData(mutation == "rp-id" ? "evil.example" : RpId, (byte)flags, counter, null);
        var clientData = ClientData(mutation == "type" ? "webauthn.create" : "webauthn.get", mutation == "challenge" ? RandomBytes(random, 32) : challenge, origin, mutation);
        var signature = MaybeBreak(key.Sign([.. authData, .. SHA256.HashData(clientData)]), mutation);
        var storedBackupEligible = mutation == "be-changed" ? (flags & Be) == 0 : (flags & Be) != 0;

        var id = Base64Url.EncodeToString(credentialId);
        var response = new JsonObject
        {
            ["id"] = id,
            ["rawId"] = id,
            ["type"] = "public-key",
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
                ["authenticatorData"] = Base64Url.EncodeToString(authData),
                ["signature"] = Base64Url.EncodeToString(signature),
                ["userHandle"] = "dXNlcg",
            },
            ["clientExtensionResults"] = new JsonObject(),
        };
        var allowed = mutation == "credential-id" ? Base64Url.EncodeToString(RandomBytes(random, 16)) : id;
        var options = new JsonObject
        {
            ["challenge"] = Base64Url.EncodeToString(challenge),
            ["rpId"] = RpId,
            ["allowCredentials"] = new JsonArray(new JsonObject { ["type"] = "public-key", ["id"] = allowed }),
            ["userVerification"] = uvRequired ? "required" : "preferred",
        };

        return new GeneratedCeremony
        {
            Index = index,
            Ceremony = "assertion",
            KeyName = key.Name,
            Format = "-",
            Mutation = mutation,
            Flags = (byte)flags,
            Counter = counter,
            StoredCounter = stored,
            StoredBackupEligible = storedBackupEligible,
            RequireUserVerification = uvRequired,
            OptionsJson = options.ToJsonString(),
            ResponseJson = response.ToJsonString(),
            CoseKey = key.CoseKey(),
            CredentialId = id,
        };
    }

    private static int[] Offered(SoftwareKey key, string mutation) =>
        mutation == "alg-not-offered" ? [.. s_offered.Where(a => a != key.Algorithm)] : s_offered;

    private static int RandomFlags(Random random, bool uvRequired)
    {
        var flags = Up;
        if (uvRequired || random.Next(2) == 0)
        {
            flags |= Uv;
        }

        if (random.Next(3) == 0)
        {
            flags |= Be;
            if (random.Next(2) == 0)
            {
                flags |= Bs;
            }
        }

        return flags;
    }

    private static int Mutate(int flags, string mutation) => mutation switch
    {
        "up-cleared" => flags & ~Up,
        "uv-cleared" => flags & ~Uv,
        "bs-without-be" => (flags & ~Be) | Bs,
        _ => flags,
    };

    private static uint RandomCounter(Random random) => random.Next(4) switch
    {
        0 => 0,
        1 => (uint)random.Next(1, 100),
        2 => (uint)random.NextInt64(0, uint.MaxValue - 2000L),
        _ => (uint)random.Next(100, 100_000),
    };

    private static byte[] MaybeBreak(byte[] signature, string mutation)
    {
        if (mutation == "signature")
        {
            signature[signature.Length / 2] ^= 0x01;
        }

        return signature;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] AuthenticatorData(string rpId, byte flags, uint counter, byte[]? attested)
    {
        var data = new List<byte>(SHA256.HashData(Encoding.UTF8.GetBytes(rpId))) { flags };
        var count = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(count, counter);
        data.AddRange(count);
        if (attested is not null)
        {
            data.AddRange(attested);
        }

        return [.. data];
    }

    private static byte[] ClientData(string type, byte[] challenge, string origin, string mutation)
    {
        var json = new StringBuilder()
            .Append("{\"type\":").Append(JsonSerializer.Serialize(type))
            .Append(",\"challenge\":").Append(JsonSerializer.Serialize(Base64Url.EncodeToString(challenge)))
            .Append(",\"origin\":").Append(JsonSerializer.Serialize(origin))
            .Append(",\"crossOrigin\":").Append(mutation == "cross-origin" ? "true" : "false");
        if (mutation == "extra-member")
        {
            json.Append(",\"other_keys_can_be_added_here\":\"do not compare clientDataJSON against a template. See https://goo.gl/yabPex\"");
        }

        return Encoding.UTF8.GetBytes(json.Append('}').ToString());
    }
}
