namespace Mfa.WebAuthn.Metadata.Blob;

/// <summary>Why a metadata BLOB was refused (FIDO MDS3 §3.2). Stable values; every failure maps to <see cref="Mfa.Core.MfaFailureReason.MetadataInvalid"/>.</summary>
public enum MetadataBlobError
{
    /// <summary>The BLOB verified.</summary>
    None = 0,

    /// <summary>Not a compact JWS, bad base64url, bad JSON, or a payload without <c>no</c>, <c>nextUpdate</c> or <c>entries</c>.</summary>
    Malformed = 1,

    /// <summary>The header's <c>alg</c> is not RS256, ES256, ES384, ES512 or PS256.</summary>
    UnsupportedAlgorithm = 2,

    /// <summary>The header carries <c>x5u</c>, <c>jku</c>, <c>jwk</c> or <c>crit</c>, which an offline verifier refuses.</summary>
    UnsupportedHeader = 3,

    /// <summary>An <c>x5c</c> certificate does not parse.</summary>
    MalformedCertificate = 4,

    /// <summary>The <c>x5c</c> chain does not lead to a configured trust anchor (or an issuer is not a CA).</summary>
    ChainUntrusted = 5,

    /// <summary>A certificate of the chain is outside its validity period at the verification time.</summary>
    CertificateExpired = 6,

    /// <summary>A certificate of the chain is listed in its issuer's CRL.</summary>
    CertificateRevoked = 7,

    /// <summary>Revocation checking is required and no CRL from a certificate's issuer was supplied.</summary>
    CrlMissing = 8,

    /// <summary>Revocation checking is required and the issuer's CRL is not current (thisUpdate ≤ time ≤ nextUpdate).</summary>
    CrlNotCurrent = 9,

    /// <summary>A supplied CRL names an issuer of the chain but does not parse or is not signed by that issuer.</summary>
    CrlInvalid = 10,

    /// <summary>The JWS signature does not verify with the leaf's key (an ES signature must be the 64/96/132-byte r‖s form).</summary>
    BadSignature = 11,

    /// <summary>The BLOB's <c>no</c> is not greater than that of the BLOB already held (rollback or replay).</summary>
    NoNotGreater = 12,

    /// <summary>The BLOB or a CRL could not be read or downloaded.</summary>
    Unavailable = 13,
}
