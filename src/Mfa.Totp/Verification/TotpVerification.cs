using Mfa.Core;

namespace Mfa.Totp.Verification;

/// <summary>The outcome of checking a TOTP code against a window of time steps.</summary>
/// <param name="Failure"><see cref="MfaFailureReason.None"/>, <see cref="MfaFailureReason.InvalidCode"/> or <see cref="MfaFailureReason.MalformedInput"/>.</param>
/// <param name="TimeStep">The matched time step (valid on success).</param>
/// <param name="Drift">The matched step minus the current step: -1 means the authenticator's clock is one step behind.</param>
public readonly record struct TotpVerification(MfaFailureReason Failure, long TimeStep, int Drift)
{
    /// <summary>Whether the code matched a step in the window.</summary>
    public bool Succeeded => Failure == MfaFailureReason.None;
}
