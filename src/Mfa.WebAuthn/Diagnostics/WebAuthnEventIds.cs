namespace Mfa.WebAuthn.Diagnostics;

/// <summary>The stable <see cref="Microsoft.Extensions.Logging.EventId"/> numbers of the WebAuthn factor's security events.</summary>
public static class WebAuthnEventIds
{
    /// <summary>A signature counter did not increase (a possibly cloned authenticator).</summary>
    public const int CounterRollback = 3000;

    /// <summary>A registration presented a credential id that is already registered.</summary>
    public const int CredentialAlreadyRegistered = 3001;

    /// <summary>An assertion's user handle did not name the credential's owner.</summary>
    public const int UserHandleMismatch = 3002;

    /// <summary>A legacy FIDO U2F key was imported.</summary>
    public const int LegacyKeyImported = 3003;

    /// <summary>A passkey sign-in without a username succeeded.</summary>
    public const int PasskeySignInSucceeded = 3004;

    /// <summary>A passkey sign-in without a username failed.</summary>
    public const int PasskeySignInFailed = 3005;

    /// <summary>
    /// A registration was refused because the authenticator's model has a status the host's metadata policy refuses
    /// (for example <c>REVOKED</c>); the event names the AAGUID, the model and the status.
    /// </summary>
    public const int RegistrationModelRefused = 3006;
}
