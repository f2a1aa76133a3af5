using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Mfa.Push.Transports.WebPush;

/// <summary>
/// The <c>aes128gcm</c> content coding of RFC 8188 (Encrypted Content-Encoding for HTTP): header, key schedule and
/// records. Web Push (RFC 8291) uses it with one record; the general form is here so the RFC 8188 vectors can be checked.
/// </summary>
internal static class Aes128GcmContentCoding
{
    /// <summary>salt (16) + rs (4) + idlen (1), before the key id (RFC 8188 §2.1).</summary>
    public const int FixedHeaderLength = 21;

    public const int SaltLength = 16;
    public const int KeyLength = 16;
    public const int NonceLength = 12;
    public const int TagLength = 16;

    /// <summary>RFC 8188 §2: rs MUST NOT be less than 18 octets (one delimiter octet + the tag + at least one more).</summary>
    public const int MinRecordSize = 18;

    public const byte LastRecordDelimiter = 2;
    public const byte RecordDelimiter = 1;

    private static readonly byte[] s_cekInfo = Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0");
    private static readonly byte[] s_nonceInfo = Encoding.ASCII.GetBytes("Content-Encoding: nonce\0");

    /// <summary>RFC 8188 §2.2 and §2.3: PRK = HKDF-Extract(salt, IKM); CEK and the base nonce are HKDF-Expand of PRK.</summary>
    public static Aes128GcmKeys DeriveKeys(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> salt)
    {
        var prk = new byte[32];
        HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt, prk);
        var cek = new byte[KeyLength];
        HKDF.Expand(HashAlgorithmName.SHA256, prk, cek, s_cekInfo);
        var nonce = new byte[NonceLength];
        HKDF.Expand(HashAlgorithmName.SHA256, prk, nonce, s_nonceInfo);
        return new Aes128GcmKeys(prk, cek, nonce);
    }

    /// <summary>RFC 8188 §2.3: the record nonce is the base nonce XOR the 96-bit big-endian sequence number.</summary>
    public static byte[] RecordNonce(ReadOnlySpan<byte> baseNonce, long sequence)
    {
        var nonce = baseNonce.ToArray();
        Span<byte> seq = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(seq, sequence);
        for (var i = 0; i < 8; i++)
        {
            nonce[NonceLength - 8 + i] ^= seq[i];
        }

        return nonce;
    }

    /// <summary>One record's plaintext: the content, the delimiter, then <paramref name="paddingLength"/> zero octets.</summary>
    public static byte[] PadRecord(ReadOnlySpan<byte> content, bool last, int paddingLength)
    {
        var record = new byte[content.Length + 1 + paddingLength];
        content.CopyTo(record);
        record[content.Length] = last ? LastRecordDelimiter : RecordDelimiter;
        return record;
    }

    /// <summary>
    /// Encrypts already padded record plaintexts (each ends with its delimiter and padding) into a body:
    /// header, then each record sealed with AES-128-GCM under its own nonce (RFC 8188 §2).
    /// </summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> keyId, int recordSize, IReadOnlyList<byte[]> paddedRecords)
    {
        var keys = DeriveKeys(ikm, salt);
        var headerLength = FixedHeaderLength + keyId.Length;
        var body = new byte[headerLength + paddedRecords.Sum(r => r.Length + TagLength)];
        WriteHeader(body, salt, recordSize, keyId);
        using var aes = new AesGcm(keys.Cek, TagLength);
        var offset = headerLength;
        for (var seq = 0; seq < paddedRecords.Count; seq++)
        {
            var plaintext = paddedRecords[seq];
            var nonce = RecordNonce(keys.Nonce, seq);
            aes.Encrypt(nonce, plaintext, body.AsSpan(offset, plaintext.Length), body.AsSpan(offset + plaintext.Length, TagLength));
            offset += plaintext.Length + TagLength;
        }

        CryptographicOperations.ZeroMemory(keys.Cek);
        return body;
    }

    /// <summary>Writes <c>salt || rs || idlen || keyid</c> (RFC 8188 §2.1).</summary>
    public static void WriteHeader(Span<byte> destination, ReadOnlySpan<byte> salt, int recordSize, ReadOnlySpan<byte> keyId)
    {
        salt.CopyTo(destination);
        BinaryPrimitives.WriteUInt32BigEndian(destination[SaltLength..], checked((uint)recordSize));
        destination[SaltLength + 4] = checked((byte)keyId.Length);
        keyId.CopyTo(destination[FixedHeaderLength..]);
    }

    /// <summary>Reads the header; false when the body is too short for it or rs is below the minimum.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> body, out Aes128GcmHeader header)
    {
        header = default;
        if (body.Length < FixedHeaderLength)
        {
            return false;
        }

        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body[SaltLength..]);
        var idLength = body[SaltLength + 4];
        if (recordSize < MinRecordSize || recordSize > int.MaxValue || body.Length < FixedHeaderLength + idLength)
        {
            return false;
        }

        header = new Aes128GcmHeader(body[..SaltLength].ToArray(), (int)recordSize, body.Slice(FixedHeaderLength, idLength).ToArray());
        return true;
    }

    /// <summary>
    /// Decrypts a body with <paramref name="ikm"/> and returns the content without delimiters and padding.
    /// Checks every record (RFC 8188 §2): full-size records except the last, delimiter 1 on each but the last, 2 on the
    /// last, zero padding only.
    /// </summary>
    public static WebPushCryptoFailure Decrypt(ReadOnlySpan<byte> body, ReadOnlySpan<byte> ikm, out byte[] content)
    {
        content = [];
        if (!TryReadHeader(body, out var header))
        {
            return WebPushCryptoFailure.MalformedBody;
        }

        var records = body[header.Length..];
        if (records.Length == 0)
        {
            return WebPushCryptoFailure.MalformedBody;
        }

        var keys = DeriveKeys(ikm, header.Salt);
        using var aes = new AesGcm(keys.Cek, TagLength);
        CryptographicOperations.ZeroMemory(keys.Cek);
        using var output = new MemoryStream();
        for (long seq = 0; records.Length > 0; seq++)
        {
            var length = Math.Min(header.RecordSize, records.Length);
            var last = length == records.Length;
            if (length <= TagLength)
            {
                return WebPushCryptoFailure.MalformedBody;
            }

            var record = records[..length];
            var plaintext = new byte[length - TagLength];
            try
            {
                aes.Decrypt(RecordNonce(keys.Nonce, seq), record[..^TagLength], record[^TagLength..], plaintext);
            }
            catch (AuthenticationTagMismatchException)
            {
                return WebPushCryptoFailure.NotAuthentic;
            }

            var failure = Unpad(plaintext, last, out var recordContent);
            if (failure != WebPushCryptoFailure.None)
            {
                return failure;
            }

            output.Write(recordContent);
            records = records[length..];
        }

        content = output.ToArray();
        return WebPushCryptoFailure.None;
    }

    /// <summary>RFC 8188 §2: the delimiter is the last non-zero octet; 2 on the last record, 1 on every other.</summary>
    private static WebPushCryptoFailure Unpad(byte[] plaintext, bool last, out ReadOnlySpan<byte> content)
    {
        content = default;
        var delimiterAt = Array.FindLastIndex(plaintext, static b => b != 0);
        if (delimiterAt < 0)
        {
            return WebPushCryptoFailure.InvalidPadding;
        }

        var expected = last ? LastRecordDelimiter : RecordDelimiter;
        if (plaintext[delimiterAt] != expected)
        {
            return WebPushCryptoFailure.InvalidPadding;
        }

        content = plaintext.AsSpan(0, delimiterAt);
        return WebPushCryptoFailure.None;
    }
}
