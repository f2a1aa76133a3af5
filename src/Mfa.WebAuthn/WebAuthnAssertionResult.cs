using Mfa.Core;

namespace Mfa.WebAuthn;

/// <summary>The outcome of verifying an assertion (WebAuthn L3 §7.2) with <see cref="WebAuthnVerifier"/>.</summary>
public sealed class WebAuthnAssertionResult : MfaResult
{
    private WebAuthnAssertionResult(MfaFailureReason reason, string? message)
        : base(reason, message)
    {
    }

    /// <summary>The signature counter the authenticator reported.</summary>
    public uint SignCount { get; private init; }

    /// <summary>The counter to store: the reported one, never lower than the stored one.</summary>
    public uint NewSignCount { get; private init; }

    /// <summary>Whether the authenticator verified the user.</summary>
    public bool UserVerified { get; private init; }

    /// <summary>The BE flag of the assertion.</summary>
    public bool BackupEligible { get; private init; }

    /// <summary>The BS flag of the assertion: the backup state to store.</summary>
    public bool BackupState { get; private init; }

    /// <summary>Whether the counter did not increase and was accepted under <see cref="CounterRollbackPolicy.FlagOnly"/>.</summary>
    public bool CounterRollbackDetected { get; private init; }

    internal static WebAuthnAssertionResult From(Ceremonies.AssertionOutcome outcome) => new(outcome.Failure, outcome.Message)
    {
        SignCount = outcome.ReportedSignCount,
        NewSignCount = outcome.StoredSignCount,
        UserVerified = outcome.UserVerified,
        BackupEligible = outcome.BackupEligible,
        BackupState = outcome.BackupState,
        CounterRollbackDetected = outcome.CounterRollback,
    };

    internal static WebAuthnAssertionResult Failure(MfaFailureReason reason, string? message = null) => new(reason, message);
}
