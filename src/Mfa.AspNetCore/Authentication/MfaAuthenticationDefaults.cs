namespace Mfa.AspNetCore.Authentication;

/// <summary>The authentication scheme of the "MFA pending" sign-in.</summary>
public static class MfaAuthenticationDefaults
{
    /// <summary>The cookie scheme <c>SignInMfaPendingAsync</c> signs in with; it only reaches the MFA endpoints.</summary>
    public const string PendingScheme = "Mfa.Pending";
}
