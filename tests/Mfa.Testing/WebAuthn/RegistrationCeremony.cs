using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text.Json;
using Mfa.WebAuthn.Parsing;

namespace Mfa.Testing.WebAuthn;

/// <summary>One registration answer of a <see cref="TestAuthenticator"/>; every property starts valid and may be broken.</summary>
public sealed class RegistrationCeremony(TestAuthenticator authenticator, string challenge, string rpId)
    : CeremonyFields("webauthn.create", challenge, authenticator.Origin, rpId, AuthenticatorDataFlags.UserPresent | AuthenticatorDataFlags.UserVerified | AuthenticatorDataFlags.AttestedCredentialData)
{
    public uint SignCount { get; set; }

    /// <summary><c>none</c>, <c>packed</c> (self attestation) or any other string (an empty statement).</summary>
    public string Format { get; set; } = "none";

    /// <summary>The COSE algorithm written into the credential public key.</summary>
    public int Algorithm { get; set; } = -7;

    /// <summary>An authenticator extensions CBOR map to append (sets nothing else; set the ED flag too).</summary>
    public byte[]? Extensions { get; set; }

    /// <summary>The AAGUID in the attested credential data (default all zero).</summary>
    public Guid Aaguid { get; set; }

    /// <summary>The credential id in the attested credential data.</summary>
    public byte[] CredentialId { get; set; } = authenticator.CredentialId;

    /// <summary>The id and rawId the JSON reports (defaults to <see cref="CredentialId"/>).</summary>
    public string? ResponseId { get; set; }

    public IReadOnlyList<string> Transports { get; set; } = ["usb"];

    /// <summary>The <c>authenticatorAttachment</c> the JSON reports (omitted when null).</summary>
    public string? AuthenticatorAttachment { get; set; } = "cross-platform";

    /// <summary>The <c>response.publicKeyAlgorithm</c> the JSON reports (omitted when null).</summary>
    public int? PublicKeyAlgorithm { get; set; }

    /// <inheritdoc />
    public override string ClientExtensionResults { get; set; } = "{\"credProps\":{\"rk\":false}}";

    /// <summary>With <see cref="Format"/> <c>packed</c>: sign with this attestation key and send x5c instead of self attestation.</summary>
    public TestCertificates? Attestation { get; set; }

    /// <summary>With <see cref="Attestation"/>: append the root to x5c (which FIDO conformance requires a server to refuse).</summary>
    public bool IncludeRootInX5c { get; set; }

    /// <summary>Flip a bit of the attestation signature.</summary>
    public bool CorruptAttestationSignature { get; set; }

    /// <summary>Replaces the attestation object with these bytes.</summary>
    public byte[]? AttestationObjectOverride { get; set; }

    public byte[] AuthenticatorData()
    {
        var cose = authenticator.CosePublicKey(Algorithm);
        var attested = new byte[16 + 2 + CredentialId.Length + cose.Length];
        Aaguid.TryWriteBytes(attested.AsSpan(0, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteUInt16BigEndian(attested.AsSpan(16), (ushort)CredentialId.Length);
        CredentialId.CopyTo(attested, 18);
        cose.CopyTo(attested, 18 + CredentialId.Length);
        return TestAuthenticator.AuthenticatorData(RpId, Flags, SignCount, attested, Extensions);
    }

    public byte[] AttestationObject(byte[] clientDataJson)
    {
        if (AttestationObjectOverride is not null)
        {
            return AttestationObjectOverride;
        }

        var authData = AuthenticatorData();
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(3);
        writer.WriteTextString("fmt");
        writer.WriteTextString(Format);
        writer.WriteTextString("attStmt");
        if (Format == "packed")
        {
            var signature = Attestation is null
                ? authenticator.Sign(authData, clientDataJson)
                : Attestation.LeafKey.SignData([.. authData, .. SHA256.HashData(clientDataJson)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            if (CorruptAttestationSignature)
            {
                signature[^1] ^= 1;
            }

            writer.WriteStartMap(Attestation is null ? 2 : 3);
            writer.WriteTextString("alg");
            writer.WriteInt32(Attestation is null ? Algorithm : -7);
            writer.WriteTextString("sig");
            writer.WriteByteString(signature);
            if (Attestation is not null)
            {
                writer.WriteTextString("x5c");
                writer.WriteStartArray(IncludeRootInX5c ? 2 : 1);
                writer.WriteByteString(Attestation.Leaf.RawData);
                if (IncludeRootInX5c)
                {
                    writer.WriteByteString(Attestation.Root.RawData);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndMap();
        }
        else
        {
            writer.WriteStartMap(0);
            writer.WriteEndMap();
        }

        writer.WriteTextString("authData");
        writer.WriteByteString(authData);
        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>The <c>RegistrationResponseJSON</c>.</summary>
    public string ToJson()
    {
        var clientData = ClientDataJson();
        var id = ResponseId ?? Base64Url.EncodeToString(CredentialId);
        return "{\"id\":" + JsonSerializer.Serialize(id) + ",\"rawId\":" + JsonSerializer.Serialize(id) + ",\"type\":\"public-key\",\"response\":{"
            + "\"clientDataJSON\":\"" + Base64Url.EncodeToString(clientData) + "\","
            + "\"attestationObject\":\"" + Base64Url.EncodeToString(AttestationObject(clientData)) + "\","
            + "\"transports\":" + JsonSerializer.Serialize(Transports)
            + (PublicKeyAlgorithm is { } alg ? ",\"publicKeyAlgorithm\":" + alg.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty) + "},"
            + (AuthenticatorAttachment is null ? string.Empty : "\"authenticatorAttachment\":" + JsonSerializer.Serialize(AuthenticatorAttachment) + ",")
            + "\"clientExtensionResults\":" + ClientExtensionResults + "}";
    }
}
