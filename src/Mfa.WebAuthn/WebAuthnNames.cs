using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Credentials;

namespace Mfa.WebAuthn;

/// <summary>The stable names records, logs and the <c>mfa</c> tool use for WebAuthn enums.</summary>
internal static class WebAuthnNames
{
    /// <summary>The name of an attestation type: <c>none</c>, <c>self</c>, <c>basic</c>, <c>basic-or-attca</c>, <c>attca</c> or <c>anonca</c>.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The name.</returns>
    public static string Of(AttestationType type) => type switch
    {
        AttestationType.Self => "self",
        AttestationType.Basic => "basic",
        AttestationType.BasicOrAttCa => "basic-or-attca",
        AttestationType.AttCa => "attca",
        AttestationType.AnonCa => "anonca",
        _ => "none",
    };

    /// <summary>The name of an authenticator kind: <c>security-key</c>, <c>device</c> or <c>legacy-u2f</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The kind is not defined.</exception>
    public static string Of(WebAuthnAuthenticatorKind kind) => CredentialKinds.ToName(kind);
}
