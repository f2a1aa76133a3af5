namespace Mfa.Duo.Jwt;

/// <summary>Why an id_token (or a JWT the emulator reads) was refused, in the order spec §2.8 checks.</summary>
public enum DuoIdTokenFailure
{
    /// <summary>Valid.</summary>
    None = 0,

    /// <summary>Not three base64url segments with JSON-object header and payload (duplicate members refused).</summary>
    Malformed = 1,

    /// <summary>The header's <c>alg</c> is not exactly HS512 (<c>none</c>, HS256, RS256 … are refused).</summary>
    Algorithm = 2,

    /// <summary>The HMAC-SHA-512 does not verify with the client secret: tampered, or signed with another key.</summary>
    Signature = 3,

    /// <summary><c>iss</c> is not <c>https://{api_host}/oauth/v1/token</c>.</summary>
    Issuer = 4,

    /// <summary><c>aud</c> is not the client id.</summary>
    Audience = 5,

    /// <summary><c>exp</c> is missing or passed (beyond the leeway).</summary>
    Expired = 6,

    /// <summary><c>iat</c> is missing or in the future (beyond the leeway), or <c>nbf</c> is in the future.</summary>
    NotYetValid = 7,

    /// <summary><c>exp</c> is before <c>iat</c> or <c>nbf</c>.</summary>
    InvalidLifetime = 8,

    /// <summary><c>preferred_username</c> is missing or is not the user the app sent (ordinal, ignoring case, no trimming).</summary>
    UsernameMismatch = 9,

    /// <summary>A nonce was sent and the token's <c>nonce</c> is missing or different.</summary>
    NonceMismatch = 10,

    /// <summary>The token is valid but <c>auth_result.result</c> is not <c>allow</c>: Duo did not authenticate the user.</summary>
    Denied = 11,
}
