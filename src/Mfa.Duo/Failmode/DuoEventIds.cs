namespace Mfa.Duo.Failmode;

/// <summary>The stable event ids Mfa.Duo logs.</summary>
public static class DuoEventIds
{
    /// <summary>Duo was unavailable and the failmode let a user through without Duo (Critical).</summary>
    public const int FailOpen = 13000;

    /// <summary>Duo was unavailable (or refused our credentials) and the sign-in was denied (Warning).</summary>
    public const int FailClosed = 13001;

    /// <summary>A fail-open Duo challenge was completed: the user passed without Duo; the result is marked <c>DuoBypassed</c> (Critical).</summary>
    public const int FailOpenCompleted = 13002;

    /// <summary>Duo waived the second factor by its own policy (preauth <c>allow</c>, a bypass user) (Warning).</summary>
    public const int PolicyBypass = 13003;
}
