using Mfa.Core.Factors;

namespace Mfa.WebAuthn;

/// <summary>Asks to enroll a WebAuthn credential of a given kind: a security key or a device authenticator.</summary>
public sealed class WebAuthnEnrollmentRequest : EnrollmentRequest<WebAuthnEnrollmentPrompt>
{
    /// <summary>Creates a request.</summary>
    /// <param name="authenticatorKind">
    /// What the user is enrolling. <see cref="WebAuthnAuthenticatorKind.LegacyU2f"/> cannot be enrolled (import it instead).
    /// </param>
    public WebAuthnEnrollmentRequest(WebAuthnAuthenticatorKind authenticatorKind) => AuthenticatorKind = authenticatorKind;

    /// <inheritdoc />
    public override string Kind => FactorKinds.WebAuthn;

    /// <summary>What the user is enrolling; sets <c>authenticatorAttachment</c>, resident key, user verification and hints.</summary>
    public WebAuthnAuthenticatorKind AuthenticatorKind { get; }
}
