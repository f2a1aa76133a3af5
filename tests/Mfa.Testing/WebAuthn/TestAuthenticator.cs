using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mfa.WebAuthn.Parsing;

namespace Mfa.Testing.WebAuthn;

/// <summary>
/// A software ES256 authenticator for tests: a real P-256 key (ECDsa.Create), attestation objects written with CborWriter
/// and assertions signed over authenticatorData || SHA-256(clientDataJSON), returned as the JSON a browser's toJSON() gives.
/// Every field a test may break is a settable property of the ceremony builders.
/// </summary>
public sealed class TestAuthenticator : IDisposable
{
    public TestAuthenticator(string origin = "https://example.com")
    {
        Origin = origin;
        Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        CredentialId = RandomNumberGenerator.GetBytes(32);
    }

    public ECDsa Key { get; }

    public string Origin { get; set; }

    public byte[] CredentialId { get; set; }

    /// <summary>The counter the next assertion reports (incremented after each).</summary>
    public uint SignCount { get; set; }

    /// <summary>The user handle a discoverable credential returns (set from the creation options by <see cref="Register"/>).</summary>
    public byte[]? UserHandle { get; set; }

    public string CredentialIdText => Base64Url.EncodeToString(CredentialId);

    /// <summary>The uncompressed P-256 point (0x04 || X || Y), as U2F registration returns it.</summary>
    public byte[] UncompressedPoint
    {
        get
        {
            var p = Key.ExportParameters(false).Q;
            return [0x04, .. p.X!, .. p.Y!];
        }
    }

    /// <summary>The public key as a CTAP2-canonical COSE_Key.</summary>
    public byte[] CosePublicKey(int alg = -7)
    {
        var p = Key.ExportParameters(false).Q;
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(5);
        writer.WriteInt32(1);
        writer.WriteInt32(2);
        writer.WriteInt32(3);
        writer.WriteInt32(alg);
        writer.WriteInt32(-1);
        writer.WriteInt32(1);
        writer.WriteInt32(-2);
        writer.WriteByteString(p.X!);
        writer.WriteInt32(-3);
        writer.WriteByteString(p.Y!);
        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>Starts a registration answering <paramref name="creationOptionsJson"/>.</summary>
    public RegistrationCeremony Register(string creationOptionsJson)
    {
        using var options = JsonDocument.Parse(creationOptionsJson);
        var root = options.RootElement;
        UserHandle = Base64Url.DecodeFromChars(root.GetProperty("user").GetProperty("id").GetString());
        var ceremony = new RegistrationCeremony(this, root.GetProperty("challenge").GetString()!, root.GetProperty("rp").GetProperty("id").GetString()!);

        // A browser reports the attachment it used, which is the one asked for when the options name one.
        if (root.TryGetProperty("authenticatorSelection", out var selection) && selection.TryGetProperty("authenticatorAttachment", out var attachment))
        {
            ceremony.AuthenticatorAttachment = attachment.GetString();
        }

        return ceremony;
    }

    /// <summary>Starts an assertion answering <paramref name="requestOptionsJson"/>.</summary>
    public AssertionCeremony Assert(string requestOptionsJson)
    {
        using var options = JsonDocument.Parse(requestOptionsJson);
        var root = options.RootElement;
        return new AssertionCeremony(this, root.GetProperty("challenge").GetString()!, root.GetProperty("rpId").GetString()!);
    }

    public void Dispose() => Key.Dispose();

    public static byte[] ClientData(string type, string challenge, string origin, bool? crossOrigin, string? topOrigin, string? extraMembers)
    {
        var json = new StringBuilder();
        json.Append("{\"type\":").Append(JsonSerializer.Serialize(type))
            .Append(",\"challenge\":").Append(JsonSerializer.Serialize(challenge))
            .Append(",\"origin\":").Append(JsonSerializer.Serialize(origin));
        if (crossOrigin is { } cross)
        {
            json.Append(",\"crossOrigin\":").Append(cross ? "true" : "false");
        }

        if (topOrigin is not null)
        {
            json.Append(",\"topOrigin\":").Append(JsonSerializer.Serialize(topOrigin));
        }

        if (extraMembers is not null)
        {
            json.Append(',').Append(extraMembers);
        }

        return Encoding.UTF8.GetBytes(json.Append('}').ToString());
    }

    public static byte[] AuthenticatorData(string rpIdOrAppId, AuthenticatorDataFlags flags, uint signCount, byte[]? attestedCredentialData, byte[]? extensions)
    {
        var data = new List<byte>(SHA256.HashData(Encoding.UTF8.GetBytes(rpIdOrAppId)));
        data.Add((byte)flags);
        Span<byte> count = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(count, signCount);
        data.AddRange(count.ToArray());
        if (attestedCredentialData is not null)
        {
            data.AddRange(attestedCredentialData);
        }

        if (extensions is not null)
        {
            data.AddRange(extensions);
        }

        return [.. data];
    }

    public byte[] Sign(byte[] authenticatorData, byte[] clientDataJson) =>
        Key.SignData([.. authenticatorData, .. SHA256.HashData(clientDataJson)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
}
