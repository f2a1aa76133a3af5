namespace Mfa.WebAuthn.Cose;

/// <summary>COSE key types (RFC 9053 §7, RFC 8230 §4) used by WebAuthn credential public keys.</summary>
internal enum CoseKeyType
{
    /// <summary>Octet key pair: Ed25519, Ed448 (kty 1).</summary>
    Okp = 1,

    /// <summary>Elliptic curve with x and y coordinates: P-256, P-384, P-521 (kty 2).</summary>
    Ec2 = 2,

    /// <summary>RSA (kty 3).</summary>
    Rsa = 3,
}
