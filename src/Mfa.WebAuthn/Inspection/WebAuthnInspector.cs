using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Formats.Cbor;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mfa.WebAuthn.Ceremonies;
using Mfa.WebAuthn.Cose;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Inspection;

/// <summary>
/// Decodes WebAuthn payloads into readable JSON for developers and auditors: a <c>RegistrationResponseJSON</c> or
/// <c>AuthenticationResponseJSON</c>, an attestation object, authenticator data or client data (as JSON, or as
/// base64url or hex bytes). Decoding checks structure only; nothing is verified.
/// </summary>
internal static class WebAuthnInspector
{
    private const int MaxInputLength = 1024 * 1024;

    private static readonly JsonDocumentOptions s_json = new() { MaxDepth = 32, AllowDuplicateProperties = false };

    /// <summary>Describes a payload.</summary>
    /// <param name="input">The payload text.</param>
    /// <param name="description">The description: a <c>kind</c> member and the decoded parts.</param>
    /// <param name="message">Why the payload could not be decoded.</param>
    /// <returns>Whether the payload was recognised and decoded.</returns>
    public static bool TryInspect(string input, [NotNullWhen(true)] out JsonObject? description, out string? message)
    {
        ArgumentNullException.ThrowIfNull(input);
        description = null;
        var text = input.Trim();
        if (text.Length is 0 or > MaxInputLength)
        {
            message = "The input is empty or larger than 1 MiB.";
            return false;
        }

        try
        {
            description = text[0] == '{' ? FromJson(text, out message) : FromBytes(text, out message);

            // JsonNode parses lazily: render once here so a duplicate member or bad value fails now, not in the caller.
            _ = description?.ToJsonString();
            return description is not null;
        }
        catch (Exception e) when (e is JsonException or CborContentException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            description = null;
            message = "The input is malformed: " + e.Message;
            return false;
        }
    }

    private static JsonObject? FromJson(string text, out string? message)
    {
        using var document = JsonDocument.Parse(text, s_json);
        var root = document.RootElement;
        message = null;
        if (!root.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object)
        {
            return root.TryGetProperty("type", out _) && root.TryGetProperty("challenge", out _)
                ? new JsonObject { ["kind"] = "client-data", ["clientData"] = JsonNode.Parse(text, documentOptions: s_json) }
                : Unrecognised(out message);
        }

        var registration = response.TryGetProperty("attestationObject", out var attestation) && !response.TryGetProperty("signature", out _);
        var result = new JsonObject
        {
            ["kind"] = registration ? "registration-response" : "authentication-response",
            ["id"] = String(root, "id"),
            ["rawId"] = String(root, "rawId"),
            ["type"] = String(root, "type"),
            ["authenticatorAttachment"] = String(root, "authenticatorAttachment"),
            ["clientExtensionResults"] = root.TryGetProperty("clientExtensionResults", out var extensions) ? JsonNode.Parse(extensions.GetRawText()) : null,
            ["clientData"] = ClientData(Bytes(String(response, "clientDataJSON"), "clientDataJSON")),
        };
        if (registration)
        {
            result["transports"] = response.TryGetProperty("transports", out var transports) ? JsonNode.Parse(transports.GetRawText()) : null;
            result["attestationObject"] = AttestationObjectOf(Bytes(attestation.GetString(), "attestationObject"));
            return result;
        }

        result["authenticatorData"] = AuthenticatorDataOf(Bytes(String(response, "authenticatorData"), "authenticatorData"));
        var signature = Bytes(String(response, "signature"), "signature");
        result["signature"] = new JsonObject { ["base64url"] = Base64Url.EncodeToString(signature), ["length"] = signature.Length };
        result["userHandle"] = String(response, "userHandle");
        return result;
    }

    private static JsonObject? FromBytes(string text, out string? message)
    {
        message = null;
        var bytes = text.Length % 2 == 0 && text.All(char.IsAsciiHexDigit) ? Convert.FromHexString(text) : Bytes(text, "input");
        if (bytes.Length > 0 && bytes[0] >> 5 == 5 && AttestationObject.TryParse(bytes, out _, out _))
        {
            return new JsonObject { ["kind"] = "attestation-object", ["attestationObject"] = AttestationObjectOf(bytes) };
        }

        if (AuthenticatorData.TryParse(bytes, out _, out _))
        {
            return new JsonObject { ["kind"] = "authenticator-data", ["authenticatorData"] = AuthenticatorDataOf(bytes) };
        }

        if (bytes.Length > 0 && bytes[0] == (byte)'{')
        {
            return new JsonObject { ["kind"] = "client-data", ["clientData"] = ClientData(bytes) };
        }

        return Unrecognised(out message);
    }

    private static JsonObject? Unrecognised(out string? message)
    {
        message = "Not a registration or authentication response, attestation object, authenticator data or client data.";
        return null;
    }

    private static JsonNode? ClientData(byte[] json) => JsonNode.Parse(json, documentOptions: s_json);

    private static JsonObject AttestationObjectOf(byte[] bytes)
    {
        if (!AttestationObject.TryParse(bytes, out var parsed, out _) || parsed is null)
        {
            throw new FormatException("The attestation object is not valid CBOR of the expected shape.");
        }

        return new JsonObject
        {
            ["fmt"] = parsed.Format,
            ["attStmt"] = CborJson.Read(parsed.Statement),
            ["authenticatorData"] = AuthenticatorDataOf(parsed.AuthenticatorData.Raw.ToArray()),
        };
    }

    private static JsonObject AuthenticatorDataOf(byte[] bytes)
    {
        if (!AuthenticatorData.TryParse(bytes, out var data, out _) || data is null)
        {
            throw new FormatException("The authenticator data is malformed.");
        }

        var flags = data.Flags;
        var result = new JsonObject
        {
            ["rpIdHash"] = Convert.ToHexStringLower(data.RpIdHash.Span),
            ["flags"] = new JsonObject
            {
                ["value"] = (int)flags,
                ["UP"] = flags.HasFlag(AuthenticatorDataFlags.UserPresent),
                ["UV"] = flags.HasFlag(AuthenticatorDataFlags.UserVerified),
                ["BE"] = flags.HasFlag(AuthenticatorDataFlags.BackupEligible),
                ["BS"] = flags.HasFlag(AuthenticatorDataFlags.BackupState),
                ["AT"] = flags.HasFlag(AuthenticatorDataFlags.AttestedCredentialData),
                ["ED"] = flags.HasFlag(AuthenticatorDataFlags.ExtensionData),
            },
            ["signCount"] = data.SignCount,
        };
        if (data.AttestedCredential is { } attested)
        {
            var key = new JsonObject { ["cose"] = Base64Url.EncodeToString(attested.CredentialPublicKey.Span) };
            if (CoseKey.TryDecode(attested.CredentialPublicKey, allowRs1: true, out var decoded, out var failure) && decoded is not null)
            {
                key["alg"] = (int)decoded.Algorithm;
                key["algName"] = Enum.IsDefined(decoded.Algorithm) ? decoded.Algorithm.ToString() : null;
                key["kty"] = decoded.KeyType.ToString();
                key["crv"] = decoded.Curve == 0 ? null : decoded.Curve;
            }
            else
            {
                key["error"] = failure.ToString();
                key["decoded"] = CborJson.Read(attested.CredentialPublicKey);
            }

            result["attestedCredentialData"] = new JsonObject
            {
                ["aaguid"] = new Guid(attested.Aaguid.Span, bigEndian: true).ToString("D"),
                ["credentialId"] = Base64Url.EncodeToString(attested.CredentialId.Span),
                ["credentialIdLength"] = attested.CredentialId.Length,
                ["credentialPublicKey"] = key,
            };
        }

        if (data.Extensions is { } extensions)
        {
            result["extensions"] = CborJson.Read(extensions);
        }

        return result;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] Bytes(string? base64Url, string what) =>
        ResponseDecoder.TryDecode(base64Url, MaxInputLength, out var bytes) ? bytes : throw new FormatException($"{what} is missing or not base64url.");
}
