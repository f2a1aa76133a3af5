namespace Mfa.AspNetCore.RateLimiting;

/// <summary>The rate-limiter policy names <c>AddAspNetCore</c> registers (apply with <c>app.UseRateLimiter()</c>).</summary>
public static class MfaRateLimitPolicies
{
    /// <summary>The username-less passkey sign-in endpoints.</summary>
    public const string PasskeySignIn = "Mfa.PasskeySignIn";

    /// <summary>The push device endpoints.</summary>
    public const string Device = "Mfa.Device";
}
