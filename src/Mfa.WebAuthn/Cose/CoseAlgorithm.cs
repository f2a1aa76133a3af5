namespace Mfa.WebAuthn.Cose;

/// <summary>COSE algorithm identifiers (IANA "COSE Algorithms" registry) that WebAuthn credentials use.</summary>
public enum CoseAlgorithm
{
    /// <summary>ECDSA with SHA-256 on P-256.</summary>
    ES256 = -7,

    /// <summary>EdDSA (Ed25519 or Ed448, named by the key's curve).</summary>
    EdDSA = -8,

    /// <summary>EdDSA with Ed25519 (fully specified, RFC 9864).</summary>
    Ed25519 = -19,

    /// <summary>ECDSA with SHA-384 on P-384.</summary>
    ES384 = -35,

    /// <summary>ECDSA with SHA-512 on P-521.</summary>
    ES512 = -36,

    /// <summary>RSASSA-PSS with SHA-256.</summary>
    PS256 = -37,

    /// <summary>RSASSA-PSS with SHA-384.</summary>
    PS384 = -38,

    /// <summary>RSASSA-PSS with SHA-512.</summary>
    PS512 = -39,

    /// <summary>EdDSA with Ed448 (fully specified, RFC 9864).</summary>
    Ed448 = -53,

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256.</summary>
    RS256 = -257,

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-384.</summary>
    RS384 = -258,

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-512.</summary>
    RS512 = -259,

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-1: legacy Windows Hello TPM keys; accepted only when a host enables it.</summary>
    RS1 = -65535,
}
