using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Mfa.Push.Transports.Http;

/// <summary>Writes JWS compact tokens (RFC 7515 §7.1) for the push services' bearer tokens: VAPID, FCM's grant, APNs.</summary>
internal static class CompactJwt
{
    /// <summary>ES256: ECDSA P-256 SHA-256, the signature as 64-octet <c>r || s</c> (RFC 7518 §3.4).</summary>
    public static string SignEs256(ECDsa key, Action<Utf8JsonWriter> header, Action<Utf8JsonWriter> claims) =>
        Sign(header, claims, input => key.SignData(input, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    /// <summary>RS256: RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3).</summary>
    public static string SignRs256(RSA key, Action<Utf8JsonWriter> header, Action<Utf8JsonWriter> claims) =>
        Sign(header, claims, input => key.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    private static string Sign(Action<Utf8JsonWriter> header, Action<Utf8JsonWriter> claims, Func<byte[], byte[]> sign)
    {
        var signingInput = Base64Url(Json(header)) + "." + Base64Url(Json(claims));
        var signature = sign(Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url(signature);
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
