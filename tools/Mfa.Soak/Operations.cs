namespace Mfa.Soak;

/// <summary>The operation names of the log.</summary>
internal static class Operations
{
    public const string TotpEnroll = "totp-enroll";
    public const string WebAuthnEnroll = "webauthn-enroll";
    public const string TotpSignIn = "totp-signin";
    public const string WebAuthnSignIn = "webauthn-signin";
    public const string TotpReplay = "totp-replay";
    public const string WebAuthnReplay = "webauthn-replay";
    public const string WebAuthnStale = "webauthn-stale";
}
