using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Mfa.Core.Secrets;

/// <summary>
/// The default <see cref="ISecretProtector"/>: AES-256-GCM with the key from <see cref="MfaOptions.SecretKey"/>,
/// a random 96-bit nonce per secret and the purpose as associated data.
/// </summary>
/// <remarks>
/// Format: version (1 byte, 1) | nonce (12) | tag (16) | ciphertext. Each call uses its own <see cref="AesGcm"/>: an
/// instance is not safe for concurrent use, and the protector is a singleton that every sign-in calls.
/// </remarks>
internal sealed class AesGcmSecretProtector : ISecretProtector, IDisposable
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;

    private readonly byte[] _key;

    public AesGcmSecretProtector(IOptions<MfaOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = options.Value.SecretKey;
        if (key is not { Length: 32 })
        {
            throw new OptionsValidationException(nameof(MfaOptions), typeof(MfaOptions), ["MfaOptions.SecretKey must be a 32-byte key."]);
        }

        _key = key.ToArray();
    }

    public byte[] Protect(ReadOnlySpan<byte> plaintext, string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        var output = new byte[HeaderSize + plaintext.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var tag = output.AsSpan(1 + NonceSize, TagSize);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(HeaderSize), tag, AssociatedData(purpose));
        return output;
    }

    public byte[] Unprotect(ReadOnlySpan<byte> protectedData, string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        if (protectedData.Length < HeaderSize || protectedData[0] != FormatVersion)
        {
            throw new CryptographicException("The protected secret is not in a known format.");
        }

        var plaintext = new byte[protectedData.Length - HeaderSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(protectedData.Slice(1, NonceSize), protectedData[HeaderSize..], protectedData.Slice(1 + NonceSize, TagSize), plaintext, AssociatedData(purpose));
        return plaintext;
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_key);

    private static byte[] AssociatedData(string purpose)
    {
        // Length-prefixed so that no two purposes share an encoding.
        var purposeBytes = Encoding.UTF8.GetBytes(purpose);
        var data = new byte[4 + purposeBytes.Length];
        BinaryPrimitives.WriteInt32BigEndian(data, purposeBytes.Length);
        purposeBytes.CopyTo(data, 4);
        return data;
    }
}
