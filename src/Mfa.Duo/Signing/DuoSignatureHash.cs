namespace Mfa.Duo.Signing;

/// <summary>The HMAC hash of an Auth API request signature (spec §4.3).</summary>
public enum DuoSignatureHash
{
    /// <summary>HMAC-SHA-512 (the default; the only hash v5 allows).</summary>
    Sha512 = 0,

    /// <summary>HMAC-SHA-1: legacy, v2 only, still accepted on <c>/auth/v2/*</c>. Never use it for new code.</summary>
    Sha1 = 1,
}
