namespace Mfa.WebAuthn.Credentials;

/// <summary>The <see cref="Mfa.Core.Service.AuthenticatorInfo.Variant"/> names of WebAuthn credentials.</summary>
internal static class CredentialVariants
{
    public const string SecurityKey = "security-key";
    public const string Platform = "platform";
    public const string Passkey = "passkey";
    public const string LegacyU2f = "legacy-u2f";

    /// <summary>
    /// A legacy key stays <c>legacy-u2f</c>; otherwise a backup-eligible credential (WebAuthn L3 §6.1.3: it may be
    /// synced to other devices) is a <c>passkey</c>, whatever was asked at enrollment; else the enrolled kind.
    /// </summary>
    public static string Of(WebAuthnCredentialData data) => data.Kind switch
    {
        CredentialKinds.LegacyU2f => LegacyU2f,
        _ when data.BackupEligible || data.BackupState => Passkey,
        CredentialKinds.Device => Platform,
        _ => SecurityKey,
    };
}
