using Mfa.Core;
using Mfa.Core.Factors;

namespace Mfa.Totp.Verification;

/// <summary>A successful TOTP challenge: which step matched and how far the app's clock drifts.</summary>
public sealed class TotpChallengeCompleted : ChallengeCompleteResult
{
    internal TotpChallengeCompleted(AuthenticatorRecord authenticator, long timeStep, int drift)
        : base(authenticator)
    {
        TimeStep = timeStep;
        Drift = drift;
    }

    /// <summary>The matched time step (now the last accepted one).</summary>
    public long TimeStep { get; }

    /// <summary>The matched step minus the server's current step.</summary>
    public int Drift { get; }
}
