namespace Mfa.WebAuthn;

/// <summary>What to do when a credential's signature counter does not increase (WebAuthn L3 §7.2, a sign of a cloned authenticator).</summary>
public enum CounterRollbackPolicy
{
    /// <summary>Fail the assertion with <see cref="Mfa.Core.MfaFailureReason.CounterRollback"/>.</summary>
    Fail = 0,

    /// <summary>Accept the assertion but flag it on the result and in the log; the stored counter never decreases.</summary>
    FlagOnly = 1,
}
