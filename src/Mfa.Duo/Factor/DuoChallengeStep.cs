namespace Mfa.Duo.Factor;

/// <summary>Where a Duo challenge stands after begin.</summary>
internal enum DuoChallengeStep
{
    /// <summary>Waiting for the Universal Prompt callback, the Auth API verdict or a passcode.</summary>
    Duo = 0,

    /// <summary>Duo was unreachable and the failmode is open: completing reports a marked bypass.</summary>
    FailOpen = 1,

    /// <summary>Duo's preauth said <c>allow</c> and the options accept a policy bypass.</summary>
    PolicyBypass = 2,
}
