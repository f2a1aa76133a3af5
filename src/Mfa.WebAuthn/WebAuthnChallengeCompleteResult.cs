using Mfa.Core;
using Mfa.Core.Factors;

namespace Mfa.WebAuthn;

/// <summary>A verified WebAuthn assertion: the updated record and what the authenticator reported.</summary>
public sealed class WebAuthnChallengeCompleteResult : ChallengeCompleteResult
{
    internal WebAuthnChallengeCompleteResult(AuthenticatorRecord authenticator, uint signCount, bool userVerified, bool backupState, bool counterRollbackDetected)
        : base(authenticator, changed: true)
    {
        SignCount = signCount;
        UserVerified = userVerified;
        BackupState = backupState;
        CounterRollbackDetected = counterRollbackDetected;
    }

    /// <summary>The signature counter the authenticator reported.</summary>
    public uint SignCount { get; }

    /// <summary>Whether the authenticator verified the user (PIN or biometric): the assertion alone is then multi-factor.</summary>
    public bool UserVerified { get; }

    /// <summary>Whether the credential is currently backed up (synced passkey).</summary>
    public bool BackupState { get; }

    /// <summary>
    /// Whether the counter did not increase and the assertion was accepted only because the host chose
    /// <see cref="CounterRollbackPolicy.FlagOnly"/>: the authenticator may be cloned.
    /// </summary>
    public bool CounterRollbackDetected { get; }
}
