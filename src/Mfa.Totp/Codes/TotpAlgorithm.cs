namespace Mfa.Totp.Codes;

/// <summary>The HMAC hash function of an HOTP/TOTP generator (RFC 6238 §1.2).</summary>
public enum TotpAlgorithm
{
    /// <summary>HMAC-SHA-1: the RFC 4226 default and what most authenticator apps implement.</summary>
    Sha1 = 0,

    /// <summary>HMAC-SHA-256.</summary>
    Sha256 = 1,

    /// <summary>HMAC-SHA-512.</summary>
    Sha512 = 2,
}
