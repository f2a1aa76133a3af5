namespace Mfa.Core.Policy;

/// <summary>Whether a user must use MFA.</summary>
public enum MfaRequirement
{
    /// <summary>MFA is optional: the user may enroll and use it.</summary>
    Optional = 0,

    /// <summary>MFA is required: after the grace period the user cannot sign in without it.</summary>
    Required = 1,
}
