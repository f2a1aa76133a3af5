namespace Mfa.WebAuthn.Credentials;

/// <summary>The stored names of <see cref="WebAuthnAuthenticatorKind"/>.</summary>
internal static class CredentialKinds
{
    public const string SecurityKey = "security-key";
    public const string Device = "device";
    public const string LegacyU2f = "legacy-u2f";

    public static string ToName(WebAuthnAuthenticatorKind kind) => kind switch
    {
        WebAuthnAuthenticatorKind.SecurityKey => SecurityKey,
        WebAuthnAuthenticatorKind.Device => Device,
        WebAuthnAuthenticatorKind.LegacyU2f => LegacyU2f,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown authenticator kind."),
    };

    public static bool TryParse(string? name, out WebAuthnAuthenticatorKind kind)
    {
        (var known, kind) = name switch
        {
            SecurityKey => (true, WebAuthnAuthenticatorKind.SecurityKey),
            Device => (true, WebAuthnAuthenticatorKind.Device),
            LegacyU2f => (true, WebAuthnAuthenticatorKind.LegacyU2f),
            _ => (false, WebAuthnAuthenticatorKind.SecurityKey),
        };
        return known;
    }
}
