namespace Mfa.Push.Transports.WebPush;

/// <summary>Why a Web Push message could not be encrypted or decrypted (RFC 8291 / RFC 8188). Values are stable.</summary>
public enum WebPushCryptoFailure
{
    /// <summary>No failure.</summary>
    None = 0,

    /// <summary>The public key is not a 65-octet uncompressed point on P-256.</summary>
    InvalidPublicKey = 1,

    /// <summary>The private key is not a 32-octet P-256 scalar.</summary>
    InvalidPrivateKey = 2,

    /// <summary>The authentication secret is not 16 octets.</summary>
    InvalidAuthSecret = 3,

    /// <summary>The salt is not 16 octets.</summary>
    InvalidSalt = 4,

    /// <summary>The record size is too small for the payload (Web Push allows one record only) or out of range.</summary>
    InvalidRecordSize = 5,

    /// <summary>The body is not an <c>aes128gcm</c> body of one record with a 65-octet key id.</summary>
    MalformedBody = 6,

    /// <summary>The record does not authenticate (wrong key, wrong secret, or tampered).</summary>
    NotAuthentic = 7,

    /// <summary>The record authenticated but its delimiter or padding is wrong.</summary>
    InvalidPadding = 8,

    /// <summary>The message does not fit in one 4096-octet Web Push body (at most 3993 octets with no padding).</summary>
    PayloadTooLarge = 9,
}
