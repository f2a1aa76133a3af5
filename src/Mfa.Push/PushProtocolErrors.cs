namespace Mfa.Push;

/// <summary>The wire form of <see cref="PushProtocolError"/>: the spec's error code and HTTP status.</summary>
public static class PushProtocolErrors
{
    /// <summary>The spec's error code (push spec §6), for the JSON body <c>{"error":"…"}</c>.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The code, for example <c>number_mismatch</c>; <c>none</c> for no error.</returns>
    public static string ToCode(this PushProtocolError error) => error switch
    {
        PushProtocolError.None => "none",
        PushProtocolError.Malformed => "malformed",
        PushProtocolError.UnsupportedAlg => "unsupported_alg",
        PushProtocolError.WrongTyp => "wrong_typ",
        PushProtocolError.UnknownChallenge => "unknown_challenge",
        PushProtocolError.UnknownCredential => "unknown_credential",
        PushProtocolError.MalformedSignature => "malformed_signature",
        PushProtocolError.InvalidSignature => "invalid_signature",
        PushProtocolError.ClaimMismatch => "claim_mismatch",
        PushProtocolError.NonceMismatch => "nonce_mismatch",
        PushProtocolError.ChallengeHashMismatch => "challenge_hash_mismatch",
        PushProtocolError.StaleResponse => "stale_response",
        PushProtocolError.Replay => "replay",
        PushProtocolError.ChallengeExpired => "challenge_expired",
        PushProtocolError.UvRequired => "uv_required",
        PushProtocolError.NumberMismatch => "number_mismatch",
        PushProtocolError.AlreadyAnswered => "already_answered",
        PushProtocolError.EnrollmentInvalid => "enrollment_invalid",
        PushProtocolError.InvalidKey => "invalid_key",
        PushProtocolError.InvalidPushAddress => "invalid_push_address",
        PushProtocolError.DeviceLimit => "device_limit",
        PushProtocolError.ProofMismatch => "proof_mismatch",
        _ => "error",
    };

    /// <summary>The HTTP status of the device endpoint's answer (push spec §6; request proofs answer 401 with no body, §4.8).</summary>
    /// <param name="error">The error.</param>
    /// <returns>The status code; 200 for no error.</returns>
    public static int ToHttpStatus(this PushProtocolError error) => error switch
    {
        PushProtocolError.None => 200,
        PushProtocolError.UnknownChallenge => 404,
        PushProtocolError.UnknownCredential or PushProtocolError.UvRequired or PushProtocolError.NumberMismatch => 403,
        PushProtocolError.InvalidSignature => 401,
        PushProtocolError.Replay or PushProtocolError.AlreadyAnswered or PushProtocolError.DeviceLimit => 409,
        PushProtocolError.ChallengeExpired => 410,
        _ => 400,
    };
}
