using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mfa.Duo.Http;

namespace Mfa.Duo.Jwt;

/// <summary>
/// Compact JWS with HS512 only (spec §2.2): written by hand over <see cref="HMACSHA512"/>, keyed with the UTF-8 bytes of the
/// client secret as-is. The algorithm is pinned, never taken from the header.
/// </summary>
internal static class DuoJwt
{
    /// <summary>The largest token read (Duo's id_tokens are a few KiB).</summary>
    public const int MaxLength = 32 * 1024;

    private static readonly byte[] s_header = """{"alg":"HS512","typ":"JWT"}"""u8.ToArray();

    /// <summary>Signs a payload (the UTF-8 JSON of a claim set).</summary>
    public static string Sign(ReadOnlySpan<byte> payloadJson, string secret)
    {
        var signingInput = Base64Url.EncodeToString(s_header) + "." + Base64Url.EncodeToString(payloadJson);
        return signingInput + "." + Base64Url.EncodeToString(Mac(secret, signingInput));
    }

    /// <summary>Signs a claim set written by <paramref name="writeClaims"/> inside a JSON object.</summary>
    public static string Sign(Action<Utf8JsonWriter> writeClaims, string secret)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeClaims(writer);
            writer.WriteEndObject();
        }

        return Sign(buffer.ToArray(), secret);
    }

    /// <summary>
    /// Spec §2.8 steps 1–3 in order: three base64url segments whose header and payload are JSON objects; <c>alg</c> exactly
    /// HS512; the HMAC-SHA-512 compared in constant time.
    /// </summary>
    public static DuoIdTokenFailure TryRead(string? token, string secret, out JsonElement payload)
    {
        payload = default;
        if (token is null || token.Length > MaxLength)
        {
            return DuoIdTokenFailure.Malformed;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts.Any(static p => p.Length == 0 || !Base64Url.IsValid(p) || p.EndsWith('=')))
        {
            return DuoIdTokenFailure.Malformed;
        }

        if (DuoJson.ParseObject(Base64Url.DecodeFromChars(parts[0])) is not { } header
            || DuoJson.ParseObject(Base64Url.DecodeFromChars(parts[1])) is not { } claims)
        {
            return DuoIdTokenFailure.Malformed;
        }

        if (header.String("alg") != "HS512")
        {
            return DuoIdTokenFailure.Algorithm;
        }

        var expected = Mac(secret, parts[0] + "." + parts[1]);
        var actual = Base64Url.DecodeFromChars(parts[2]);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return DuoIdTokenFailure.Signature;
        }

        payload = claims;
        return DuoIdTokenFailure.None;
    }

    private static byte[] Mac(string secret, string signingInput)
    {
        // HMAC zero-pads keys shorter than the SHA-512 block, so the 40-byte secret needs no padding here (spec §2.2).
        var key = Encoding.UTF8.GetBytes(secret);
        try
        {
            return HMACSHA512.HashData(key, Encoding.ASCII.GetBytes(signingInput));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
