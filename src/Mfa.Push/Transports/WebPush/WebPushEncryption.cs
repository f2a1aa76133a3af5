using System.Security.Cryptography;
using System.Text;

namespace Mfa.Push.Transports.WebPush;

/// <summary>
/// Web Push message encryption, RFC 8291: ECDH on P-256 between a fresh application-server key and the subscription's
/// key, mixed with the subscription's authentication secret, then the <c>aes128gcm</c> content coding of RFC 8188 with
/// one record.
/// </summary>
/// <remarks>
/// Public keys are 65-octet uncompressed P-256 points, private keys 32-octet scalars, the authentication secret
/// 16 octets. The user agent's public key is checked to lie on P-256 before use (RFC 8291 §7).
/// </remarks>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8291"/>
public static class WebPushEncryption
{
    /// <summary>The record size written into the header (RFC 8291 §4 allows one record; 4096 fits any payload).</summary>
    public const int DefaultRecordSize = 4096;

    /// <summary>The largest body a push service must accept (RFC 8030 §7.2).</summary>
    public const int MaxBodyLength = 4096;

    /// <summary>The header length: salt 16 + rs 4 + idlen 1 + the 65-octet application-server public key.</summary>
    public const int HeaderLength = Aes128GcmContentCoding.FixedHeaderLength + PublicKeyLength;

    /// <summary>The largest plaintext (with no padding) that fits in <see cref="MaxBodyLength"/>: 4096 − 86 − 1 − 16.</summary>
    public const int MaxPlaintextLength = MaxBodyLength - HeaderLength - 1 - Aes128GcmContentCoding.TagLength;

    /// <summary>The length of an uncompressed P-256 public key.</summary>
    public const int PublicKeyLength = 65;

    /// <summary>The length of a P-256 private key scalar.</summary>
    public const int PrivateKeyLength = 32;

    /// <summary>The length of the subscription's authentication secret.</summary>
    public const int AuthSecretLength = 16;

    private static readonly byte[] s_keyInfoLabel = Encoding.ASCII.GetBytes("WebPush: info\0");

    /// <summary>Encrypts <paramref name="plaintext"/> for a subscription with a fresh key pair and a random salt.</summary>
    /// <param name="plaintext">The message.</param>
    /// <param name="userAgentPublicKey">The subscription's <c>p256dh</c> key (65-octet uncompressed point).</param>
    /// <param name="authSecret">The subscription's <c>auth</c> secret (16 octets).</param>
    /// <param name="paddingLength">Zero octets appended after the delimiter, to hide the message length.</param>
    /// <param name="recordSize">The header's record size; the one record must fit in it.</param>
    /// <returns>The body, or why it could not be made.</returns>
    public static WebPushEncryptionResult Encrypt(
        ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> userAgentPublicKey, ReadOnlySpan<byte> authSecret, int paddingLength = 0, int recordSize = DefaultRecordSize) =>
        EncryptWithKeyAndSalt(plaintext, userAgentPublicKey, authSecret, default, default, paddingLength, recordSize);

    /// <summary>
    /// Encrypts with a given application-server private key and salt, to reproduce published vectors
    /// (RFC 8291 Appendix A). An empty key or salt is generated fresh.
    /// </summary>
    /// <remarks>Production code must use <see cref="Encrypt"/>: a reused key and salt with another message breaks AES-GCM.</remarks>
    /// <param name="plaintext">The message.</param>
    /// <param name="userAgentPublicKey">The subscription's <c>p256dh</c> key (65-octet uncompressed point).</param>
    /// <param name="authSecret">The subscription's <c>auth</c> secret (16 octets).</param>
    /// <param name="applicationServerPrivateKey">The ephemeral private key (32 octets), or empty for a fresh one.</param>
    /// <param name="salt">The salt (16 octets), or empty for a random one.</param>
    /// <param name="paddingLength">Zero octets appended after the delimiter.</param>
    /// <param name="recordSize">The header's record size.</param>
    /// <returns>The body, or why it could not be made.</returns>
    public static WebPushEncryptionResult EncryptWithKeyAndSalt(
        ReadOnlySpan<byte> plaintext,
        ReadOnlySpan<byte> userAgentPublicKey,
        ReadOnlySpan<byte> authSecret,
        ReadOnlySpan<byte> applicationServerPrivateKey,
        ReadOnlySpan<byte> salt,
        int paddingLength = 0,
        int recordSize = DefaultRecordSize)
    {
        if (authSecret.Length != AuthSecretLength)
        {
            return WebPushEncryptionResult.Fail(WebPushCryptoFailure.InvalidAuthSecret);
        }

        if (!salt.IsEmpty && salt.Length != Aes128GcmContentCoding.SaltLength)
        {
            return WebPushEncryptionResult.Fail(WebPushCryptoFailure.InvalidSalt);
        }

        var recordLength = (long)plaintext.Length + 1 + paddingLength + Aes128GcmContentCoding.TagLength;
        if (paddingLength < 0 || recordSize < Aes128GcmContentCoding.MinRecordSize)
        {
            return WebPushEncryptionResult.Fail(WebPushCryptoFailure.InvalidRecordSize);
        }

        if (HeaderLength + recordLength > MaxBodyLength)
        {
            return WebPushEncryptionResult.Fail(WebPushCryptoFailure.PayloadTooLarge);
        }

        // RFC 8291 §4: one record only, so it must fit in rs.
        if (recordLength > recordSize)
        {
            return WebPushEncryptionResult.Fail(WebPushCryptoFailure.InvalidRecordSize);
        }

        using var userAgentKey = ImportPublicKey(userAgentPublicKey);
        if (userAgentKey is null)
        {
            return WebPushEncryptionResult.Fail(WebPushCryptoFailure.InvalidPublicKey);
        }

        using var serverKey = applicationServerPrivateKey.IsEmpty
            ? ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256)
            : ImportPrivateKey(applicationServerPrivateKey);
        if (serverKey is null)
        {
            return WebPushEncryptionResult.Fail(WebPushCryptoFailure.InvalidPrivateKey);
        }

        var saltBytes = salt.IsEmpty ? RandomNumberGenerator.GetBytes(Aes128GcmContentCoding.SaltLength) : salt.ToArray();
        var serverPublicKey = ExportPublicKey(serverKey);
        var schedule = DeriveKeySchedule(serverKey, userAgentKey.PublicKey, authSecret, userAgentPublicKey, serverPublicKey, saltBytes);
        var record = Aes128GcmContentCoding.PadRecord(plaintext, last: true, paddingLength);
        var body = Aes128GcmContentCoding.Encrypt(schedule.Ikm, saltBytes, serverPublicKey, recordSize, [record]);
        CryptographicOperations.ZeroMemory(record);
        ZeroSchedule(schedule);
        return WebPushEncryptionResult.Success(body);
    }

    /// <summary>Decrypts a Web Push body as the user agent does (RFC 8291 §3–§4).</summary>
    /// <param name="body">The <c>aes128gcm</c> body.</param>
    /// <param name="userAgentPrivateKey">The subscription's private key (32 octets).</param>
    /// <param name="authSecret">The subscription's authentication secret (16 octets).</param>
    /// <returns>The plaintext, or why the body was refused.</returns>
    public static WebPushDecryptionResult Decrypt(ReadOnlySpan<byte> body, ReadOnlySpan<byte> userAgentPrivateKey, ReadOnlySpan<byte> authSecret)
    {
        if (authSecret.Length != AuthSecretLength)
        {
            return WebPushDecryptionResult.Fail(WebPushCryptoFailure.InvalidAuthSecret);
        }

        using var userAgentKey = ImportPrivateKey(userAgentPrivateKey);
        if (userAgentKey is null)
        {
            return WebPushDecryptionResult.Fail(WebPushCryptoFailure.InvalidPrivateKey);
        }

        // RFC 8291 §4: the key id is the application server's public key, and the body holds exactly one record.
        if (!Aes128GcmContentCoding.TryReadHeader(body, out var header)
            || header.KeyId.Length != PublicKeyLength
            || body.Length - header.Length > header.RecordSize
            || body.Length - header.Length <= Aes128GcmContentCoding.TagLength)
        {
            return WebPushDecryptionResult.Fail(WebPushCryptoFailure.MalformedBody);
        }

        using var serverKey = ImportPublicKey(header.KeyId);
        if (serverKey is null)
        {
            return WebPushDecryptionResult.Fail(WebPushCryptoFailure.MalformedBody);
        }

        var schedule = DeriveKeySchedule(userAgentKey, serverKey.PublicKey, authSecret, ExportPublicKey(userAgentKey), header.KeyId, header.Salt);
        var failure = Aes128GcmContentCoding.Decrypt(body, schedule.Ikm, out var plaintext);
        ZeroSchedule(schedule);
        return failure == WebPushCryptoFailure.None ? WebPushDecryptionResult.Success(plaintext) : WebPushDecryptionResult.Fail(failure);
    }

    /// <summary>
    /// RFC 8291 §3.3–§3.4: <c>ecdh_secret</c>, <c>PRK_key = HKDF-Extract(auth_secret, ecdh_secret)</c>,
    /// <c>key_info = "WebPush: info" 0x00 ua_public as_public</c>, <c>IKM = HKDF-Expand(PRK_key, key_info, 32)</c>,
    /// then the RFC 8188 schedule from IKM and the salt.
    /// </summary>
    internal static WebPushKeySchedule DeriveKeySchedule(
        ECDiffieHellman localKey,
        ECDiffieHellmanPublicKey remoteKey,
        ReadOnlySpan<byte> authSecret,
        ReadOnlySpan<byte> userAgentPublicKey,
        ReadOnlySpan<byte> applicationServerPublicKey,
        ReadOnlySpan<byte> salt)
    {
        var ecdhSecret = localKey.DeriveRawSecretAgreement(remoteKey);
        var prkKey = new byte[32];
        HKDF.Extract(HashAlgorithmName.SHA256, ecdhSecret, authSecret, prkKey);
        var keyInfo = new byte[s_keyInfoLabel.Length + userAgentPublicKey.Length + applicationServerPublicKey.Length];
        s_keyInfoLabel.CopyTo(keyInfo, 0);
        userAgentPublicKey.CopyTo(keyInfo.AsSpan(s_keyInfoLabel.Length));
        applicationServerPublicKey.CopyTo(keyInfo.AsSpan(s_keyInfoLabel.Length + userAgentPublicKey.Length));
        var ikm = new byte[32];
        HKDF.Expand(HashAlgorithmName.SHA256, prkKey, ikm, keyInfo);
        return new WebPushKeySchedule(ecdhSecret, prkKey, keyInfo, ikm, Aes128GcmContentCoding.DeriveKeys(ikm, salt));
    }

    /// <summary>Imports a 65-octet uncompressed P-256 point; null when it is malformed or not on the curve.</summary>
    internal static ECDiffieHellman? ImportPublicKey(ReadOnlySpan<byte> point)
    {
        if (point.Length != PublicKeyLength || point[0] != 0x04)
        {
            return null;
        }

        var parameters = new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = point[1..33].ToArray(), Y = point[33..].ToArray() },
        };
        try
        {
            // ImportParameters refuses a point that is not on the curve (RFC 8291 §7: validate ua_public).
            return ECDiffieHellman.Create(parameters);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Imports a 32-octet P-256 scalar (the public point is computed from it); null when it is not a valid key.</summary>
    internal static ECDiffieHellman? ImportPrivateKey(ReadOnlySpan<byte> scalar)
    {
        if (scalar.Length != PrivateKeyLength)
        {
            return null;
        }

        try
        {
            return ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = scalar.ToArray() });
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The key's public point as 65 uncompressed octets.</summary>
    internal static byte[] ExportPublicKey(ECDiffieHellman key) => EncodePoint(key.ExportParameters(includePrivateParameters: false).Q);

    /// <summary>Encodes a P-256 point as <c>0x04 || X || Y</c>.</summary>
    internal static byte[] EncodePoint(ECPoint q)
    {
        // ExportParameters always gives 32-octet coordinates for P-256.
        var point = new byte[PublicKeyLength];
        point[0] = 0x04;
        q.X.AsSpan().CopyTo(point.AsSpan(1));
        q.Y.AsSpan().CopyTo(point.AsSpan(33));
        return point;
    }

    private static void ZeroSchedule(WebPushKeySchedule schedule)
    {
        CryptographicOperations.ZeroMemory(schedule.EcdhSecret);
        CryptographicOperations.ZeroMemory(schedule.PrkKey);
        CryptographicOperations.ZeroMemory(schedule.Ikm);
        CryptographicOperations.ZeroMemory(schedule.ContentKeys.Prk);
    }
}
