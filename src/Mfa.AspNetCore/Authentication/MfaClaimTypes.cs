namespace Mfa.AspNetCore.Authentication;

/// <summary>The claims a successful MFA adds to the host's sign-in.</summary>
public static class MfaClaimTypes
{
    /// <summary>Authentication method references (RFC 8176), one claim per value: <c>otp</c>, <c>hwk</c>, <c>swk</c>, <c>user</c>, <c>pin</c>, <c>mca</c>, <c>mfa</c>.</summary>
    public const string Amr = "amr";

    /// <summary>When MFA last succeeded in this session, in Unix seconds (absent when the second factor was bypassed).</summary>
    public const string MfaTime = "mfa_time";

    /// <summary>The factor kind of the last MFA (<c>totp</c>, <c>webauthn</c>, <c>push</c>, <c>duo</c>, <c>recovery</c>).</summary>
    public const string MfaKind = "mfa_kind";

    /// <summary>The authenticator id of the last MFA.</summary>
    public const string AuthenticatorId = "mfa_authenticator";

    /// <summary><c>true</c> when the last verification succeeded without a second factor (Duo fail-open or policy bypass).</summary>
    public const string MfaBypassed = "mfa_bypassed";
}
