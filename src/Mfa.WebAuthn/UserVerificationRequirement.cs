namespace Mfa.WebAuthn;

/// <summary>Whether user verification (PIN, biometric) is required (WebAuthn L3 §5.8.6).</summary>
public enum UserVerificationRequirement
{
    /// <summary><c>preferred</c>: asked for when the authenticator can, not enforced.</summary>
    Preferred = 0,

    /// <summary><c>required</c>: asked for and enforced (the UV flag must be set).</summary>
    Required = 1,

    /// <summary><c>discouraged</c>: not asked for, to keep the ceremony to a touch.</summary>
    Discouraged = 2,
}
