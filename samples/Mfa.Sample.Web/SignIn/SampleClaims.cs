namespace Mfa.Sample.Web.SignIn;

/// <summary>The claim types and schemes of the sample's two-step sign-in.</summary>
internal static class SampleClaims
{
    /// <summary>The full sign-in cookie.</summary>
    public const string Scheme = "Sample";

    /// <summary>The short-lived cookie between the password and the second factor; it only reaches the MFA pages.</summary>
    public const string PendingScheme = "SampleMfaPending";

    /// <summary>RFC 8176 authentication method references.</summary>
    public const string Amr = "amr";

    /// <summary>When the session last completed MFA (Unix seconds).</summary>
    public const string MfaTime = "mfa_time";

    public const string AdminRole = "admin";

    public const string AdminPolicy = "SampleAdmin";
}
