namespace Mfa.WebAuthn.Metadata.Entries;

/// <summary>The <c>AuthenticatorStatus</c> values of FIDO MDS3 §3.1.4. Stable values.</summary>
public enum AuthenticatorStatus
{
    /// <summary>A status this version does not know (kept as text in <see cref="StatusReport.StatusName"/>).</summary>
    Unknown = 0,

    /// <summary><c>NOT_FIDO_CERTIFIED</c>.</summary>
    NotFidoCertified = 1,

    /// <summary><c>FIDO_CERTIFIED</c> (functional certification; the level is reported separately).</summary>
    FidoCertified = 2,

    /// <summary><c>USER_VERIFICATION_BYPASS</c>: malware can bypass user verification.</summary>
    UserVerificationBypass = 3,

    /// <summary><c>ATTESTATION_KEY_COMPROMISE</c>: an attestation key is known to be compromised.</summary>
    AttestationKeyCompromise = 4,

    /// <summary><c>USER_KEY_REMOTE_COMPROMISE</c>: user keys can be extracted remotely.</summary>
    UserKeyRemoteCompromise = 5,

    /// <summary><c>USER_KEY_PHYSICAL_COMPROMISE</c>: user keys can be extracted with physical access.</summary>
    UserKeyPhysicalCompromise = 6,

    /// <summary><c>UPDATE_AVAILABLE</c>: a firmware update is available.</summary>
    UpdateAvailable = 7,

    /// <summary><c>REVOKED</c>: the FIDO Alliance revoked the certification (serious security problems).</summary>
    Revoked = 8,

    /// <summary><c>SELF_ASSERTION_SUBMITTED</c>.</summary>
    SelfAssertionSubmitted = 9,

    /// <summary><c>FIDO_CERTIFIED_L1</c>.</summary>
    FidoCertifiedL1 = 10,

    /// <summary><c>FIDO_CERTIFIED_L1plus</c>.</summary>
    FidoCertifiedL1Plus = 11,

    /// <summary><c>FIDO_CERTIFIED_L2</c>.</summary>
    FidoCertifiedL2 = 12,

    /// <summary><c>FIDO_CERTIFIED_L2plus</c>.</summary>
    FidoCertifiedL2Plus = 13,

    /// <summary><c>FIDO_CERTIFIED_L3</c>.</summary>
    FidoCertifiedL3 = 14,

    /// <summary><c>FIDO_CERTIFIED_L3plus</c>.</summary>
    FidoCertifiedL3Plus = 15,
}
