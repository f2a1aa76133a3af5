using System.Buffers.Text;
using System.Formats.Cbor;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace Mfa.WebAuthn.Inspection;

/// <summary>
/// Renders CBOR (attestation statements, extensions) as JSON for people to read: byte strings as base64url, x5c
/// certificates described, bounded depth and item count. Throws <see cref="CborContentException"/> on bad CBOR.
/// </summary>
internal static class CborJson
{
    private const int MaxDepth = 16;
    private const int MaxItems = 4096;

    public static JsonNode? Read(ReadOnlyMemory<byte> encoded)
    {
        var reader = new CborReader(encoded, CborConformanceMode.Lax);
        var items = 0;
        var node = ReadItem(reader, 0, ref items, key: null);
        if (reader.BytesRemaining != 0)
        {
            throw new CborContentException("Trailing bytes after the CBOR item.");
        }

        return node;
    }

    private static JsonNode? ReadItem(CborReader reader, int depth, ref int items, string? key)
    {
        if (depth > MaxDepth || ++items > MaxItems)
        {
            throw new CborContentException("The CBOR is nested too deeply or has too many items.");
        }

        switch (reader.PeekState())
        {
            case CborReaderState.UnsignedInteger:
                var unsigned = reader.ReadUInt64();
                return unsigned <= long.MaxValue ? JsonValue.Create((long)unsigned) : JsonValue.Create(unsigned.ToString(CultureInfo.InvariantCulture));
            case CborReaderState.NegativeInteger:
                // CBOR encodes -1 - n; n may exceed what a long holds.
                var magnitude = reader.ReadCborNegativeIntegerRepresentation();
                return magnitude < long.MaxValue ? JsonValue.Create(-1 - (long)magnitude) : JsonValue.Create("-1-" + magnitude.ToString(CultureInfo.InvariantCulture));
            case CborReaderState.ByteString:
                var bytes = reader.ReadByteString();
                return key == "x5c" ? Certificate(bytes) : JsonValue.Create(Base64Url.EncodeToString(bytes));
            case CborReaderState.TextString:
                return JsonValue.Create(reader.ReadTextString());
            case CborReaderState.StartArray:
                var array = new JsonArray();
                reader.ReadStartArray();
                while (reader.PeekState() != CborReaderState.EndArray)
                {
                    array.Add(ReadItem(reader, depth + 1, ref items, key));
                }

                reader.ReadEndArray();
                return array;
            case CborReaderState.StartMap:
                var map = new JsonObject();
                reader.ReadStartMap();
                while (reader.PeekState() != CborReaderState.EndMap)
                {
                    var keyNode = ReadItem(reader, depth + 1, ref items, key: null);
                    var name = keyNode is JsonValue value && value.TryGetValue(out string? text) ? text : keyNode?.ToJsonString() ?? "null";
                    map[name] = ReadItem(reader, depth + 1, ref items, name);
                }

                reader.ReadEndMap();
                return map;
            case CborReaderState.Boolean:
                return JsonValue.Create(reader.ReadBoolean());
            case CborReaderState.Null:
                reader.ReadNull();
                return null;
            case CborReaderState.Tag:
                var tag = reader.ReadTag();
                return new JsonObject { ["tag"] = (ulong)tag, ["value"] = ReadItem(reader, depth + 1, ref items, key) };
            case CborReaderState.HalfPrecisionFloat:
            case CborReaderState.SinglePrecisionFloat:
            case CborReaderState.DoublePrecisionFloat:
                return JsonValue.Create(reader.ReadDouble());
            default:
                reader.SkipValue();
                return JsonValue.Create("(unsupported CBOR item)");
        }
    }

    /// <summary>Describes a DER certificate (or says it is not one).</summary>
    public static JsonNode Certificate(byte[] der)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(der);
            return new JsonObject
            {
                ["subject"] = certificate.Subject,
                ["issuer"] = certificate.Issuer,
                ["serialNumber"] = certificate.SerialNumber,
                ["notBefore"] = certificate.NotBefore.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                ["notAfter"] = certificate.NotAfter.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(der)),
            };
        }
        catch (CryptographicException)
        {
            return new JsonObject { ["notACertificate"] = Base64Url.EncodeToString(der) };
        }
    }
}
