namespace Mfa.Core.Service;

/// <summary>Where a user stands with MFA.</summary>
public enum MfaUserState
{
    /// <summary>MFA is optional and the user has no usable authenticator.</summary>
    NotRequired = 0,

    /// <summary>The user has an authenticator of a registered, allowed factor: sign-in requires a second factor.</summary>
    Enrolled = 1,

    /// <summary>MFA is required, the user has no usable authenticator, and the grace period is running.</summary>
    InGracePeriod = 2,

    /// <summary>MFA is required, the user has no usable authenticator, and the grace period is over: the user must enroll (or is locked out).</summary>
    MustEnroll = 3,
}
