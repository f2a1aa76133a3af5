namespace Mfa.AspNetCore.Authorization;

/// <summary>The named policy <c>AddAspNetCore</c> registers.</summary>
public static class MfaAuthorizationDefaults
{
    /// <summary>Requires a session that completed MFA (an <c>amr</c> claim <c>mfa</c>).</summary>
    public const string RequireMfaPolicy = "Mfa.RequireMfa";
}
