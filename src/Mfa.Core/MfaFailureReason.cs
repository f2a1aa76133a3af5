namespace Mfa.Core;

/// <summary>
/// Why an MFA step failed. Values are stable and may be stored, logged and used as metric tags.
/// </summary>
/// <remarks>Branch on this value, never on a result's message text.</remarks>
public enum MfaFailureReason
{
    /// <summary>The step succeeded.</summary>
    None = 0,

    /// <summary>The code, signature or response did not verify.</summary>
    InvalidCode = 1,

    /// <summary>The code or response was already accepted once (RFC 6238 §5.2) and cannot be used again.</summary>
    Replayed = 2,

    /// <summary>The pending challenge or enrollment expired.</summary>
    Expired = 3,

    /// <summary>No pending challenge with that id exists.</summary>
    ChallengeNotFound = 4,

    /// <summary>The pending challenge was begun for another user, factor, authenticator or purpose.</summary>
    ChallengeMismatch = 5,

    /// <summary>The pending challenge was already completed or attempted.</summary>
    ChallengeAlreadyUsed = 6,

    /// <summary>Too many failures: the user or authenticator is locked out for now.</summary>
    LockedOut = 7,

    /// <summary>The input is malformed: wrong length, wrong characters, bad encoding, bad CBOR or JSON.</summary>
    MalformedInput = 8,

    /// <summary>A signature did not verify.</summary>
    InvalidSignature = 9,

    /// <summary>The authenticator is unknown or does not belong to the user.</summary>
    UnknownAuthenticator = 10,

    /// <summary>The user has no authenticator of the requested factor.</summary>
    NotEnrolled = 11,

    /// <summary>The factor is not registered or not allowed by policy.</summary>
    FactorNotAllowed = 12,

    /// <summary>The request asks for parameters outside policy (digits, period, algorithm, key size).</summary>
    PolicyViolation = 13,

    /// <summary>Removing the authenticator would leave a user who must use MFA with none.</summary>
    LastAuthenticator = 14,

    /// <summary>Another writer changed the record first (optimistic concurrency).</summary>
    ConcurrencyConflict = 15,

    /// <summary>The authenticator already exists (for example a WebAuthn credential id already registered).</summary>
    AlreadyEnrolled = 16,

    /// <summary>The algorithm or format is not supported or not enabled.</summary>
    UnsupportedAlgorithm = 17,

    /// <summary>The WebAuthn client data type is not the one the ceremony expects.</summary>
    WrongType = 18,

    /// <summary>The WebAuthn challenge in the client data is not the one issued.</summary>
    WrongChallenge = 19,

    /// <summary>The origin (or top origin) is not allowed.</summary>
    OriginNotAllowed = 20,

    /// <summary>The relying party id hash does not match.</summary>
    RelyingPartyMismatch = 21,

    /// <summary>User presence was required but not asserted.</summary>
    UserPresenceRequired = 22,

    /// <summary>User verification was required but not asserted.</summary>
    UserVerificationRequired = 23,

    /// <summary>The signature counter did not increase: a possible cloned authenticator.</summary>
    CounterRollback = 24,

    /// <summary>The attestation statement is invalid.</summary>
    InvalidAttestation = 25,

    /// <summary>The attestation does not chain to a trusted anchor when trust was required.</summary>
    UntrustedAttestation = 26,

    /// <summary>The attestation statement format is unknown.</summary>
    UnsupportedAttestationFormat = 27,

    /// <summary>The user handle does not match the user that owns the credential.</summary>
    UserHandleMismatch = 28,

    /// <summary>The credential is not among those allowed for this ceremony.</summary>
    CredentialNotAllowed = 29,

    /// <summary>The user denied the request (push or Duo).</summary>
    Denied = 30,

    // 31 was "Pending": a waiting out-of-band challenge is not a failure (see MfaResult.IsPending). Never reuse 31.

    /// <summary>A remote service (push transport, Duo) refused or failed the request.</summary>
    RemoteFailure = 32,

    /// <summary>The recovery code is unknown or already used.</summary>
    InvalidRecoveryCode = 33,

    /// <summary>The certificate or statement is outside its validity period.</summary>
    CertificateInvalid = 34,

    /// <summary>An operation that this kind of authenticator does not support (for example enrolling a new legacy U2F key).</summary>
    NotSupported = 35,

    /// <summary>A WebAuthn credential's backup eligibility (BE flag) changed since registration, which a genuine authenticator never does.</summary>
    BackupEligibilityChanged = 36,

    /// <summary>The store failed or is unreachable: nothing was decided; retry later (hosts answer 503 and alert).</summary>
    StoreUnavailable = 37,

    /// <summary>A stored secret cannot be decrypted with any configured key.</summary>
    SecretUnavailable = 38,

    /// <summary>The out-of-band challenge already has an answer; only one is ever recorded.</summary>
    AlreadyAnswered = 39,

    /// <summary>The user reported the request as fraud.</summary>
    FraudReported = 40,

    /// <summary>Too many requests from this client; try again later.</summary>
    RateLimited = 41,

    /// <summary>The operation changes the user's factors and needs a recent MFA verification of the same user.</summary>
    ReauthenticationRequired = 42,

    /// <summary>This factor's challenges are answered by another party, or not: the call does not fit the factor.</summary>
    WrongFactorFlow = 43,

    /// <summary>Duo could not be reached (transport error, timeout, 5xx, 429 or a failed health check) and the failmode is closed.</summary>
    DuoUnavailable = 130,

    /// <summary>Duo waived the second factor for this account by its own policy (a bypass user, an "allow" new-user policy); the host did not accept that as a second factor.</summary>
    DuoPolicyBypass = 131,

    /// <summary>Push: the approval carried the wrong number; the challenge ended (push spec §4.4).</summary>
    NumberMismatch = 100,

    /// <summary>Push: the device's clock is too far from the verifier's (check the time on the phone).</summary>
    ClockSkew = 103,

    /// <summary>A FIDO metadata BLOB failed verification (MDS3 §3.2); the metadata package's own error says which rule.</summary>
    MetadataInvalid = 160,

    /// <summary>The authenticator model's status in the FIDO metadata (for example REVOKED) is refused by the relying party's policy.</summary>
    AuthenticatorStatusRefused = 161,

    /// <summary>Web: the state-changing request carried no valid antiforgery token.</summary>
    AntiforgeryRejected = 190,

    /// <summary>Web: the request has neither an MFA-pending sign-in nor a session.</summary>
    NotAuthenticated = 191,

    /// <summary>Web: the caller is not allowed to do this (an administrative authorization policy refused it).</summary>
    Forbidden = 192,

    /// <summary>Web: no factor of the requested kind is registered.</summary>
    UnknownFactor = 193,
}
