using System.Buffers.Text;
using System.Text.Json;
using Mfa.Core.Factors;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>
/// Reads <c>RegistrationResponseJSON</c> and <c>AuthenticationResponseJSON</c> (WebAuthn L3 §5.1) into bytes, with
/// bounded sizes. Every problem is reported as a message for a <see cref="Mfa.Core.MfaFailureReason.MalformedInput"/> failure.
/// </summary>
internal static class ResponseDecoder
{
    /// <summary>The longest response JSON accepted, in characters (TPM and SafetyNet attestations are a few KiB).</summary>
    public const int MaxResponseLength = 256 * 1024;

    /// <summary>The largest signature accepted (RSA-8192 is 1 KiB).</summary>
    public const int MaxSignatureLength = 2048;

    /// <summary>The largest user handle (WebAuthn L3 §5.4.3: at most 64 bytes).</summary>
    public const int MaxUserHandleLength = 64;

    private static readonly HashSet<string> s_transports = new(StringComparer.Ordinal) { "usb", "nfc", "ble", "smart-card", "hybrid", "internal" };

    public static bool TryDecodeRegistration(string? json, out DecodedRegistration? decoded, out string? message)
    {
        decoded = null;
        if (!TryDeserialize(json, WebAuthnJsonContext.Default.RegistrationResponseJson, out var response, out message))
        {
            return false;
        }

        if (!TryCheckCredential(response.Id, response.RawId, response.Type, out var credentialId, out message))
        {
            return false;
        }

        if (response.Response is not { } inner
            || !TryDecode(inner.ClientDataJson, ClientDataVerifier.MaxLength, out var clientData)
            || !TryDecode(inner.AttestationObject, MaxResponseLength, out var attestationObject))
        {
            message = "The response lacks a well-formed clientDataJSON or attestationObject.";
            return false;
        }

        decoded = new DecodedRegistration
        {
            CredentialId = credentialId,
            ClientDataJson = clientData,
            AttestationObject = attestationObject,
            Transports = [.. (inner.Transports ?? []).Where(s_transports.Contains).Distinct(StringComparer.Ordinal)],
            Discoverable = response.ClientExtensionResults?.CredProps?.Rk,
            Attachment = response.AuthenticatorAttachment is "platform" or "cross-platform" ? response.AuthenticatorAttachment : null,
            PublicKeyAlgorithm = inner.PublicKeyAlgorithm,
        };
        return true;
    }

    public static bool TryDecodeAssertion(string? json, out DecodedAssertion? decoded, out string? message)
    {
        decoded = null;
        if (!TryDeserialize(json, WebAuthnJsonContext.Default.AuthenticationResponseJson, out var response, out message))
        {
            return false;
        }

        if (!TryCheckCredential(response.Id, response.RawId, response.Type, out var credentialId, out message))
        {
            return false;
        }

        if (response.Response is not { } inner
            || !TryDecode(inner.ClientDataJson, ClientDataVerifier.MaxLength, out var clientData)
            || !TryDecode(inner.AuthenticatorData, MaxResponseLength, out var authenticatorData)
            || !TryDecode(inner.Signature, MaxSignatureLength, out var signature))
        {
            message = "The response lacks a well-formed clientDataJSON, authenticatorData or signature.";
            return false;
        }

        byte[]? userHandle = null;
        if (inner.UserHandle is not null && (!TryDecode(inner.UserHandle, MaxUserHandleLength, out userHandle) || userHandle.Length == 0))
        {
            message = "The user handle is not 1 to 64 bytes of base64url.";
            return false;
        }

        decoded = new DecodedAssertion
        {
            CredentialId = credentialId,
            CredentialIdText = Base64Url.EncodeToString(credentialId),
            ClientDataJson = clientData,
            AuthenticatorData = authenticatorData,
            Signature = signature,
            UserHandle = userHandle,
            AppIdUsed = response.ClientExtensionResults?.Appid,
        };
        return true;
    }

    /// <summary>
    /// Decodes base64url of at most <paramref name="maxBytes"/> bytes. Padding and the standard alphabet's '+' and '/'
    /// are tolerated (some clients and libraries send them; decoding stays unambiguous); anything else fails.
    /// </summary>
    public static bool TryDecode(string? text, int maxBytes, out byte[] bytes)
    {
        bytes = [];
        if (text is null || text.Length > Base64Url.GetEncodedLength(maxBytes) + 2)
        {
            return false;
        }

        var urlSafe = text.AsSpan().ContainsAny('+', '/') ? text.Replace('+', '-').Replace('/', '_') : text;
        if (!Base64Url.IsValid(urlSafe, out var length) || length > maxBytes)
        {
            return false;
        }

        bytes = new byte[length];
        try
        {
            return Base64Url.TryDecodeFromChars(urlSafe, bytes, out var written) && written == length;
        }
        catch (FormatException)
        {
            // Base64Url.IsValid accepts a partial padding ("fQ=") that decoding then rejects by throwing.
            bytes = [];
            return false;
        }
    }

    private static bool TryDeserialize<T>(string? json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, out T value, out string? message)
        where T : class
    {
        value = null!;
        if (string.IsNullOrEmpty(json) || json.Length > MaxResponseLength)
        {
            message = "The response is empty or too long.";
            return false;
        }

        // System.Text.Json transcodes the string to UTF-8 first and throws ArgumentException for a lone surrogate
        // anywhere in it (a member name, a value, outside any token); NUL is never valid JSON text either.
        if (!AuthenticatorNames.IsWellFormed(json))
        {
            message = "The response is not well-formed UTF-16 text.";
            return false;
        }

        try
        {
            var result = JsonSerializer.Deserialize(json, typeInfo);
            if (result is null)
            {
                message = "The response is not a JSON object.";
                return false;
            }

            value = result;
            message = null;
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string escaping a lone surrogate ("\ud800") that the reader cannot decode.
            message = "The response is not valid JSON of the expected shape.";
            return false;
        }
    }

    private static bool TryCheckCredential(string? id, string? rawId, string? type, out byte[] credentialId, out string? message)
    {
        credentialId = [];
        if (!string.Equals(type, "public-key", StringComparison.Ordinal))
        {
            message = "The credential type is not 'public-key'.";
            return false;
        }

        if (!TryDecode(id, RegistrationProcedure.MaxCredentialIdLength, out var fromId) || fromId.Length == 0
            || !TryDecode(rawId ?? id, RegistrationProcedure.MaxCredentialIdLength, out var fromRawId) || !fromId.AsSpan().SequenceEqual(fromRawId))
        {
            message = "The credential id is missing, longer than 1023 bytes, or differs from rawId.";
            return false;
        }

        credentialId = fromId;
        message = null;
        return true;
    }
}
