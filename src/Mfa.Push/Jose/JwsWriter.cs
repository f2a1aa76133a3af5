using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Mfa.Push.Jose;

/// <summary>Writes compact ES256 JWS tokens (push spec §2) from JSON written member by member, in the spec's order.</summary>
internal static class JwsWriter
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static string Sign(ECDsa key, Action<Utf8JsonWriter> writeHeader, Action<Utf8JsonWriter> writePayload)
    {
        var signingInput = Segment(writeHeader) + "." + Segment(writePayload);
        var signature = Es256.Sign(key, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64UrlStrict.Encode(signature);
    }

    public static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string JsonString(Action<Utf8JsonWriter> write) => Encoding.UTF8.GetString(Json(write));

    private static string Segment(Action<Utf8JsonWriter> write) => Base64UrlStrict.Encode(Json(write));
}
