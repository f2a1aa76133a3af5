namespace Mfa.WebAuthn;

/// <summary>What kind of authenticator a WebAuthn credential lives on; chosen at enrollment and kept in the record.</summary>
public enum WebAuthnAuthenticatorKind
{
    /// <summary>A roaming security key (YubiKey, Titan): <c>authenticatorAttachment</c> <c>cross-platform</c>, hint <c>security-key</c>.</summary>
    SecurityKey = 1,

    /// <summary>
    /// A device (platform) authenticator such as Touch ID, Windows Hello or Android: <c>authenticatorAttachment</c>
    /// <c>platform</c>, hint <c>client-device</c>, a discoverable credential with user verification.
    /// </summary>
    Device = 2,

    /// <summary>A legacy FIDO U2F key imported with its AppID; it can sign in (the <c>appid</c> extension) but never be enrolled anew.</summary>
    LegacyU2f = 3,
}
