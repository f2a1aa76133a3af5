using Mfa.Core;

namespace Mfa.Totp.CounterBased;

/// <summary>The outcome of checking an HOTP code (or two consecutive codes) against a window of counters.</summary>
/// <param name="Failure"><see cref="MfaFailureReason.None"/>, <see cref="MfaFailureReason.InvalidCode"/> or <see cref="MfaFailureReason.MalformedInput"/>.</param>
/// <param name="Counter">The matched counter (for two consecutive codes, the second one's), valid on success.</param>
/// <param name="Skipped">How many counters past the first one of the window the match was (0: the expected counter).</param>
public readonly record struct HotpVerification(MfaFailureReason Failure, long Counter, long Skipped)
{
    /// <summary>Whether the code matched a counter in the window.</summary>
    public bool Succeeded => Failure == MfaFailureReason.None;
}
