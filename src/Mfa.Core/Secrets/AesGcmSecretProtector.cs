using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Mfa.Core.Secrets;

/// <summary>
/// The default <see cref="ISecretProtector"/>: AES-256-GCM under a key ring (<see cref="MfaOptions.SecretKeys"/> and
/// <see cref="MfaOptions.SecretKey"/>), a random 96-bit nonce per secret, the key id and the purpose as associated data.
/// The primary key encrypts; any configured key decrypts.
/// </summary>
/// <remarks>
/// Format 2 (written): version (1 byte, 2) | key id length (1) | key id (ASCII) | nonce (12) | tag (16) | ciphertext; the
/// associated data is the version, the key id and the purpose, each length-prefixed, so a secret cannot be moved to another
/// key id or purpose. Format 1 (read only, written before key ids): version (1) | nonce | tag | ciphertext with the purpose
/// as associated data; it names no key, so every configured key is tried (the tag tells a wrong key apart).
/// Each call uses its own <see cref="AesGcm"/>: an instance is not safe for concurrent use, and the protector is a
/// singleton that every sign-in calls.
/// </remarks>
internal sealed class AesGcmSecretProtector : ISecretProtector, IDisposable
{
    private const byte LegacyFormat = 1;
    private const byte KeyIdFormat = 2;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int LegacyHeaderSize = 1 + NonceSize + TagSize;

    private readonly (string Id, byte[] Key)[] _keys;
    private readonly int _primary;
    private readonly byte[] _primaryId;

    public AesGcmSecretProtector(IOptions<MfaOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ring = SecretKeyRing.From(options.Value);
        _keys = [.. ring.Keys];
        _primary = ring.Primary;
        _primaryId = Encoding.ASCII.GetBytes(_keys[_primary].Id);
    }

    /// <summary>The id of the key that encrypts new secrets.</summary>
    public string PrimaryKeyId => _keys[_primary].Id;

    /// <summary>The ids of every configured key, the primary among them.</summary>
    public IEnumerable<string> KeyIds => _keys.Select(k => k.Id);

    public byte[] Protect(ReadOnlySpan<byte> plaintext, string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        var headerSize = 2 + _primaryId.Length;
        var output = new byte[headerSize + NonceSize + TagSize + plaintext.Length];
        output[0] = KeyIdFormat;
        output[1] = (byte)_primaryId.Length;
        _primaryId.CopyTo(output, 2);
        var nonce = output.AsSpan(headerSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var tag = output.AsSpan(headerSize + NonceSize, TagSize);
        using var aes = new AesGcm(_keys[_primary].Key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(headerSize + NonceSize + TagSize), tag, AssociatedData(_primaryId, purpose));
        return output;
    }

    public byte[] Unprotect(ReadOnlySpan<byte> protectedData, string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        if (TryReadKeyId(protectedData, out var keyId, out var body))
        {
            var index = Array.FindIndex(_keys, k => k.Id == keyId);
            if (index < 0)
            {
                // The id is not secret: it names which key an operator has to restore.
                throw new CryptographicException($"The protected secret names key '{keyId}', which is not configured.");
            }

            return Decrypt(_keys[index].Key, body, AssociatedData(Encoding.ASCII.GetBytes(keyId), purpose));
        }

        if (protectedData.Length < LegacyHeaderSize || protectedData[0] != LegacyFormat)
        {
            throw new CryptographicException("The protected secret is not in a known format.");
        }

        // Format 1 names no key: the one SecretKey used to be is the likeliest, then every other key; GCM's tag refuses a wrong one.
        var associatedData = LegacyAssociatedData(purpose);
        foreach (var (_, key) in _keys.OrderBy(k => k.Id == MfaOptions.DefaultSecretKeyId ? 0 : 1))
        {
            try
            {
                return Decrypt(key, protectedData[1..], associatedData);
            }
            catch (AuthenticationTagMismatchException)
            {
                // Not this key; try the next.
            }
        }

        throw new CryptographicException("No configured key opens the protected secret (format 1, written before key ids).");
    }

    public string? GetKeyId(ReadOnlySpan<byte> protectedData) => TryReadKeyId(protectedData, out var keyId, out _) ? keyId : null;

    public byte[]? Reprotect(ReadOnlySpan<byte> protectedData, string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);

        // Already under the primary key: check that it opens (a tampered record is not "current"), then leave it.
        var plaintext = Unprotect(protectedData, purpose);
        try
        {
            return TryReadKeyId(protectedData, out var keyId, out _) && keyId == PrimaryKeyId ? null : Protect(plaintext, purpose);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public void Dispose()
    {
        foreach (var (_, key) in _keys)
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] Decrypt(byte[] key, ReadOnlySpan<byte> body, byte[] associatedData)
    {
        if (body.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The protected secret is not in a known format.");
        }

        var plaintext = new byte[body.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(body[..NonceSize], body[(NonceSize + TagSize)..], body.Slice(NonceSize, TagSize), plaintext, associatedData);
        return plaintext;
    }

    /// <summary>Reads a format-2 header: the key id and what follows it (nonce, tag, ciphertext).</summary>
    private static bool TryReadKeyId(ReadOnlySpan<byte> protectedData, out string keyId, out ReadOnlySpan<byte> body)
    {
        keyId = string.Empty;
        body = default;
        if (protectedData.Length < 2 || protectedData[0] != KeyIdFormat)
        {
            return false;
        }

        var length = protectedData[1];
        if (length is 0 or > SecretKeyRing.MaxIdLength || protectedData.Length < 2 + length)
        {
            return false;
        }

        var id = protectedData.Slice(2, length);
        foreach (var b in id)
        {
            if (!(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'.' or (byte)'_' or (byte)'-'))
            {
                return false;
            }
        }

        keyId = Encoding.ASCII.GetString(id);
        body = protectedData[(2 + length)..];
        return true;
    }

    /// <summary>Format 2: version, key id and purpose, each length-prefixed so that no two combinations share an encoding.</summary>
    private static byte[] AssociatedData(byte[] keyId, string purpose)
    {
        var purposeBytes = Encoding.UTF8.GetBytes(purpose);
        var data = new byte[1 + 4 + keyId.Length + 4 + purposeBytes.Length];
        data[0] = KeyIdFormat;
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(1), keyId.Length);
        keyId.CopyTo(data, 5);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(5 + keyId.Length), purposeBytes.Length);
        purposeBytes.CopyTo(data, 9 + keyId.Length);
        return data;
    }

    /// <summary>Format 1: the purpose, length-prefixed.</summary>
    private static byte[] LegacyAssociatedData(string purpose)
    {
        var purposeBytes = Encoding.UTF8.GetBytes(purpose);
        var data = new byte[4 + purposeBytes.Length];
        BinaryPrimitives.WriteInt32BigEndian(data, purposeBytes.Length);
        purposeBytes.CopyTo(data, 4);
        return data;
    }
}
