using Mfa.Core;

namespace Mfa.Totp.Verification;

/// <summary>The outcome of checking a TOTP code against a window of time steps.</summary>
/// <param name="Failure"><see cref="MfaFailureReason.None"/>, <see cref="MfaFailureReason.InvalidCode"/> or <see cref="MfaFailureReason.MalformedInput"/>.</param>
/// <param name="TimeStep">The earliest matched time step (valid on success).</param>
/// <param name="Drift">The matched step minus the current step: -1 means the authenticator's clock is one step behind.</param>
public readonly record struct TotpVerification(MfaFailureReason Failure, long TimeStep, int Drift)
{
    /// <summary>Whether the code matched a step in the window.</summary>
    public bool Succeeded => Failure == MfaFailureReason.None;

    /// <summary>The first step of the window (bit 0 of <see cref="MatchMask"/>).</summary>
    internal long FirstStep { get; init; }

    /// <summary>Which steps of the window matched: bit <c>i</c> is step <see cref="FirstStep"/> + <c>i</c>.</summary>
    internal int MatchMask { get; init; }

    /// <summary>Equal when the outcome, the (earliest) step and the drift are equal.</summary>
    /// <param name="other">The other verification.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(TotpVerification other) => Failure == other.Failure && TimeStep == other.TimeStep && Drift == other.Drift;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Failure, TimeStep, Drift);

    /// <summary>Every matched step, earliest first (usually one; two when two steps' codes collide).</summary>
    /// <returns>The steps.</returns>
    public IReadOnlyList<long> MatchedSteps()
    {
        if (!Succeeded)
        {
            return [];
        }

        if (MatchMask == 0)
        {
            return [TimeStep];
        }

        var steps = new List<long>(2);
        for (var i = 0; i < 32; i++)
        {
            if ((MatchMask & (1 << i)) != 0)
            {
                steps.Add(FirstStep + i);
            }
        }

        return steps;
    }
}
