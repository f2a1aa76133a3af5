namespace Mfa.Push;

/// <summary>
/// The error codes of the push protocol (push spec §3.4, §4.8, §6), for the answer to the device. Values are stable.
/// </summary>
/// <remarks>
/// The enrollment endpoint answers every enrollment error with one generic error (spec §3.4): the detail is for logs only.
/// Use <see cref="PushProtocolErrors.ToCode"/> and <see cref="PushProtocolErrors.ToHttpStatus"/> for the wire form.
/// </remarks>
public enum PushProtocolError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary><c>malformed</c>: too long, not three base64url parts, or JSON that is not strict (duplicates, wrong types, bad Unicode).</summary>
    Malformed = 1,

    /// <summary><c>unsupported_alg</c>: the header's <c>alg</c> is not <c>ES256</c>.</summary>
    UnsupportedAlg = 2,

    /// <summary><c>wrong_typ</c>: a token of another kind (the header's <c>typ</c>).</summary>
    WrongTyp = 3,

    /// <summary><c>unknown_challenge</c>: no such challenge.</summary>
    UnknownChallenge = 4,

    /// <summary><c>unknown_credential</c>: the key id names no active credential of the challenge's user that the challenge was sent to.</summary>
    UnknownCredential = 5,

    /// <summary><c>malformed_signature</c>: the signature is not exactly 64 octets (for example DER).</summary>
    MalformedSignature = 6,

    /// <summary><c>invalid_signature</c>: the signature does not verify. A security event; it never changes the challenge.</summary>
    InvalidSignature = 7,

    /// <summary><c>claim_mismatch</c>: version, issuer, audience, subject or challenge id do not match.</summary>
    ClaimMismatch = 8,

    /// <summary><c>nonce_mismatch</c>: the nonce is not the challenge's.</summary>
    NonceMismatch = 9,

    /// <summary><c>challenge_hash_mismatch</c>: <c>chal</c> is not the hash of the challenge token sent to this device.</summary>
    ChallengeHashMismatch = 10,

    /// <summary><c>stale_response</c>: <c>iat</c>/<c>exp</c> outside the allowed clock skew (check the phone's clock).</summary>
    StaleResponse = 11,

    /// <summary><c>replay</c>: this token id was already used.</summary>
    Replay = 12,

    /// <summary><c>challenge_expired</c>: the answer came after the challenge's expiry.</summary>
    ChallengeExpired = 13,

    /// <summary><c>uv_required</c>: an approval signed with the possession key where the user-verification key is required.</summary>
    UvRequired = 14,

    /// <summary><c>number_mismatch</c>: the approval carries the wrong number; the challenge ends (<c>FAILED_NUMBER</c>).</summary>
    NumberMismatch = 15,

    /// <summary><c>already_answered</c>: another answer was recorded first.</summary>
    AlreadyAnswered = 16,

    /// <summary><c>enrollment_invalid</c>: the enrollment is unknown, used, expired, or its one-time token does not match.</summary>
    EnrollmentInvalid = 17,

    /// <summary><c>invalid_key</c>: a JWK that is not a P-256 public key on the curve, carries a private part, or repeats the other key.</summary>
    InvalidKey = 18,

    /// <summary><c>invalid_push_address</c>: the push address is not well-formed.</summary>
    InvalidPushAddress = 19,

    /// <summary><c>device_limit</c>: the user already has the maximum number of push devices.</summary>
    DeviceLimit = 20,

    /// <summary><c>proof_mismatch</c>: a request proof for another method or URL.</summary>
    ProofMismatch = 21,
}
