using Mfa.Core.Factors;

namespace Mfa.WebAuthn;

/// <summary>What a verified WebAuthn assertion reports.</summary>
public sealed class WebAuthnVerificationDetails : VerificationDetails
{
    internal WebAuthnVerificationDetails(uint signCount, bool userVerified, bool backupState, bool counterRollbackDetected, WebAuthnAuthenticatorKind authenticatorKind)
    {
        SignCount = signCount;
        IsUserVerified = userVerified;
        BackupState = backupState;
        CounterRollbackDetected = counterRollbackDetected;
        AuthenticatorKind = authenticatorKind;
    }

    /// <summary>The signature counter the authenticator reported.</summary>
    public uint SignCount { get; }

    /// <summary>Whether the authenticator verified the user (PIN or biometric).</summary>
    public bool IsUserVerified { get; }

    /// <inheritdoc />
    public override bool UserVerified => IsUserVerified;

    /// <summary>Whether the credential is currently backed up (a synced passkey).</summary>
    public bool BackupState { get; }

    /// <summary>
    /// Whether the counter did not increase and the assertion was accepted only because the host chose
    /// <see cref="CounterRollbackPolicy.FlagOnly"/>: the authenticator may be cloned.
    /// </summary>
    public bool CounterRollbackDetected { get; }

    /// <summary>Security key, device authenticator or legacy U2F key (RFC 8176 <c>hwk</c> or <c>swk</c>).</summary>
    public WebAuthnAuthenticatorKind AuthenticatorKind { get; }
}
