namespace Mfa.Duo.Signing;

/// <summary>Which header carries the signed date (spec §4.4).</summary>
public enum DuoDateHeader
{
    /// <summary><c>X-Duo-Date</c> (the default): under v5 it is part of the signed <c>X-Duo-*</c> block too.</summary>
    XDuoDate = 0,

    /// <summary>The standard <c>Date</c> header.</summary>
    Date = 1,
}
