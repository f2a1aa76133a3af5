using Mfa.Core.Factors;

namespace Mfa.Totp;

/// <summary>What a successful TOTP challenge reports: which step matched and how far the app's clock drifts.</summary>
public sealed class TotpVerificationDetails : VerificationDetails
{
    internal TotpVerificationDetails(long timeStep, int drift)
    {
        TimeStep = timeStep;
        Drift = drift;
    }

    /// <summary>The matched time step (now the last accepted one).</summary>
    public long TimeStep { get; }

    /// <summary>The matched step minus the server's current step: -1 means the app's clock is one step behind.</summary>
    public int Drift { get; }

    /// <inheritdoc />
    public override string ToString() => $"TotpVerificationDetails {{ Drift = {Drift} }}";
}
