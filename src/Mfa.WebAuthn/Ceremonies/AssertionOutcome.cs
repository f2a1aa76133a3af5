using Mfa.Core;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>The outcome of verifying an assertion (WebAuthn L3 §7.2).</summary>
/// <param name="Failure">The failure, or none.</param>
/// <param name="Message">A secret-free explanation of a failure.</param>
/// <param name="Flags">The authenticator data flags (when parsed).</param>
/// <param name="ReportedSignCount">The counter the authenticator reported.</param>
/// <param name="StoredSignCount">The counter to store: never lower than before.</param>
/// <param name="CounterRollback">Whether the counter did not increase (accepted only under <see cref="CounterRollbackPolicy.FlagOnly"/>).</param>
internal readonly record struct AssertionOutcome(MfaFailureReason Failure, string? Message, AuthenticatorDataFlags Flags, uint ReportedSignCount, uint StoredSignCount, bool CounterRollback)
{
    public bool Succeeded => Failure == MfaFailureReason.None;

    public bool UserVerified => Flags.HasFlag(AuthenticatorDataFlags.UserVerified);

    public bool BackupEligible => Flags.HasFlag(AuthenticatorDataFlags.BackupEligible);

    public bool BackupState => Flags.HasFlag(AuthenticatorDataFlags.BackupState);

    public static AssertionOutcome Fail(MfaFailureReason failure, string? message, AuthenticatorDataFlags flags = AuthenticatorDataFlags.None) => new(failure, message, flags, 0, 0, false);
}
