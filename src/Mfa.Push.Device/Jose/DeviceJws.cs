using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Mfa.Push.Device.Jose;

/// <summary>Compact ES256 JWS for the device: signing (64-octet r||s) and strict reading of the server's tokens.</summary>
internal static class DeviceJws
{
    public const int MaxTokenLength = 8 * 1024;
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Sign(ECDsa key, Action<Utf8JsonWriter> writeHeader, Action<Utf8JsonWriter> writePayload)
    {
        var signingInput = Base64UrlStrict.Encode(Json(writeHeader)) + "." + Base64UrlStrict.Encode(Json(writePayload));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64UrlStrict.Encode(signature);
    }

    public static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string JsonString(Action<Utf8JsonWriter> write) => Encoding.UTF8.GetString(Json(write));

    /// <summary>Verifies a token of type <paramref name="type"/> signed by <paramref name="key"/> (over the bytes as received), then parses its payload.</summary>
    public static PushDeviceError TryVerify(string? token, string type, ECDsa key, [NotNullWhen(true)] out Claims? header, out Claims payload)
    {
        header = null;
        payload = default;
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return PushDeviceError.Malformed;
        }

        var parts = token.Split('.');
        if (parts.Length != 3
            || !Base64UrlStrict.TryDecode(parts[0], out var headerBytes)
            || !Base64UrlStrict.TryDecode(parts[1], out var payloadBytes)
            || !Base64UrlStrict.TryDecode(parts[2], out var signature)
            || !StrictJson.TryParseObject(headerBytes, out var headerRoot))
        {
            return PushDeviceError.Malformed;
        }

        var claims = new Claims(headerRoot);
        if (!claims.TryGetString("alg", out var alg) || alg != "ES256" || !claims.TryGetString("typ", out var typ) || typ != type || claims.Has("crit"))
        {
            return PushDeviceError.Malformed;
        }

        var signingInput = Encoding.ASCII.GetBytes(token, 0, parts[0].Length + 1 + parts[1].Length);
        if (signature.Length != 64 || !key.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return PushDeviceError.InvalidSignature;
        }

        if (!StrictJson.TryParseObject(payloadBytes, out var payloadRoot))
        {
            return PushDeviceError.Malformed;
        }

        header = claims;
        payload = new Claims(payloadRoot);
        return PushDeviceError.None;
    }
}
