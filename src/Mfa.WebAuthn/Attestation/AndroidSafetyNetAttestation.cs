using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mfa.Core;
using Mfa.WebAuthn.Cose;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Attestation;

/// <summary>The <c>android-safetynet</c> attestation statement format (WebAuthn L3 §8.5). Deprecated by Google; kept for legacy devices.</summary>
/// <remarks>
/// Freshness: the JWS <c>timestampMs</c> must lie within <see cref="TimestampTolerance"/> of
/// <see cref="AttestationInput.Now"/>, before or after (the response is fetched moments before the ceremony
/// completes; the tolerance absorbs clock skew between the device, Google and the server).
/// </remarks>
internal static class AndroidSafetyNetAttestation
{
    /// <summary>How far the JWS timestamp may be from <see cref="AttestationInput.Now"/>, in either direction.</summary>
    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromSeconds(60);

    /// <summary>The longest JWS accepted (real responses are about 6 KB).</summary>
    public const int MaxResponseLength = 64 * 1024;

    private const string Hostname = "attest.android.com";

    /// <summary>Verifies an android-safetynet statement.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The result.</returns>
    public static AttestationResult Verify(AttestationInput input)
    {
        // Step 1: attStmt = { ver: non-empty text, response: bytes (a UTF-8 JWS in compact serialization) }.
        var statement = AttestationStatement.Parse(input.Statement);
        var version = statement.GetText("ver");
        var response = statement.GetBytes("response");
        if (version.Length == 0 || response.Length > MaxResponseLength)
        {
            return AttestationVerifier.Fail(MfaFailureReason.MalformedInput, "The SafetyNet statement has no version or an oversized response.");
        }

        var jws = Encoding.ASCII.GetString(response.Span);
        var parts = jws.Split('.');
        if (parts.Length != 3)
        {
            throw new MalformedInputException("The SafetyNet response is not a compact JWS.");
        }

        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        var jwsSignature = Base64Url.DecodeFromChars(parts[2]);
        var algorithm = header.RootElement.GetProperty("alg").GetString() switch
        {
            "RS256" => CoseAlgorithm.RS256,
            "ES256" => CoseAlgorithm.ES256,
            _ => (CoseAlgorithm?)null,
        };
        if (algorithm is null)
        {
            return AttestationVerifier.Fail(MfaFailureReason.UnsupportedAlgorithm, "The SafetyNet JWS algorithm is not supported.");
        }

        var x5c = new List<ReadOnlyMemory<byte>>();
        foreach (var entry in header.RootElement.GetProperty("x5c").EnumerateArray())
        {
            x5c.Add(Convert.FromBase64String(entry.GetString() ?? string.Empty));
        }

        if (x5c.Count is 0 or > AttestationStatement.MaxCertificates)
        {
            throw new MalformedInputException("The SafetyNet x5c is empty or too long.");
        }

        return AttestationVerifier.WithCertificates(x5c, input, certificates =>
        {
            var leaf = certificates[0];

            // Step 3: the response comes from the SafetyNet service: leaf issued to attest.android.com, JWS signed by it.
            if (!leaf.MatchesHostname(Hostname, allowWildcards: false, allowCommonName: true))
            {
                return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, "The SafetyNet certificate is not issued to attest.android.com.");
            }

            var signedPart = Encoding.ASCII.GetBytes(jws, 0, parts[0].Length + 1 + parts[1].Length);
            if (!CoseKey.TryFromCertificate(leaf, algorithm.Value, allowRs1: false, out var key))
            {
                return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, "The SafetyNet certificate key does not fit the JWS algorithm.");
            }

            // JWS ES256 signatures are r || s (RFC 7518 §3.4), not DER.
            var verified = algorithm == CoseAlgorithm.ES256 ? key.VerifyP1363Signature(signedPart, jwsSignature) : key.VerifySignature(signedPart, jwsSignature);
            if (!verified)
            {
                return AttestationVerifier.Fail(MfaFailureReason.InvalidSignature, "The SafetyNet JWS signature does not verify.");
            }

            return CheckPayload(input, payload.RootElement) ?? AttestationVerifier.Success(AttestationType.Basic, certificates);
        });
    }

    private static AttestationResult? CheckPayload(AttestationInput input, JsonElement payload)
    {
        // Step 2: nonce = Base64(SHA-256(authenticatorData || clientDataHash)).
        var expectedNonce = Convert.ToBase64String(SHA256.HashData(AttestationVerifier.SignedData(input)));
        var nonce = payload.GetProperty("nonce").GetString() ?? string.Empty;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(nonce), Encoding.ASCII.GetBytes(expectedNonce)))
        {
            return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, "The SafetyNet nonce does not match the authenticator and client data.");
        }

        var timestamp = DateTimeOffset.FromUnixTimeMilliseconds(payload.GetProperty("timestampMs").GetInt64());
        if (timestamp < input.Now - TimestampTolerance || timestamp > input.Now + TimestampTolerance)
        {
            return AttestationVerifier.Fail(MfaFailureReason.Expired, "The SafetyNet response timestamp is outside the accepted window.");
        }

        if (input.RequireSafetyNetCtsProfileMatch
            && !(payload.TryGetProperty("ctsProfileMatch", out var cts) && cts.ValueKind == JsonValueKind.True))
        {
            return AttestationVerifier.Fail(MfaFailureReason.PolicyViolation, "The SafetyNet response does not report ctsProfileMatch.");
        }

        return null;
    }
}
