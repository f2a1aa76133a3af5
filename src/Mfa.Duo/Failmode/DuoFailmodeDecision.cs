using Mfa.Core;
using Mfa.Duo.Http;

namespace Mfa.Duo.Failmode;

/// <summary>The failmode's verdict for one failure, distinguishable from any Duo success by construction.</summary>
public sealed class DuoFailmodeDecision
{
    internal DuoFailmodeDecision(DuoFailmodeOutcome outcome, DuoFailureKind failure)
    {
        Outcome = outcome;
        Failure = failure;
    }

    /// <summary>Use Duo, deny, or allow without Duo.</summary>
    public DuoFailmodeOutcome Outcome { get; }

    /// <summary>The failure that was judged (<see cref="DuoFailureKind.None"/> for <see cref="DuoFailmodeOutcome.UseDuo"/>).</summary>
    public DuoFailureKind Failure { get; }

    /// <summary>Whether the user passes with Duo bypassed. A host must record it ("2FA not performed"), never treat it as a Duo success.</summary>
    public bool DuoBypassed => Outcome == DuoFailmodeOutcome.AllowWithoutDuo;

    /// <summary>The reason to report when denying: <see cref="MfaFailureReason.DuoUnavailable"/> or <see cref="MfaFailureReason.RemoteFailure"/>; <see cref="MfaFailureReason.None"/> otherwise.</summary>
    public MfaFailureReason FailureReason => Outcome != DuoFailmodeOutcome.Deny
        ? MfaFailureReason.None
        : DuoFailures.IsUnavailable(Failure) ? MfaFailureReason.DuoUnavailable : MfaFailureReason.RemoteFailure;
}
