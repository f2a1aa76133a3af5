namespace Mfa.Duo.Failmode;

/// <summary>What to do after asking Duo whether it is available.</summary>
public enum DuoFailmodeOutcome
{
    /// <summary>Duo is available: go on with Duo (this is not a success; Duo has not authenticated anyone yet).</summary>
    UseDuo = 0,

    /// <summary>Deny the sign-in: Duo is unavailable and the failmode is closed, or Duo refused our credentials.</summary>
    Deny = 1,

    /// <summary>Let the user through <b>without</b> Duo (failmode open). Never the same as a Duo success: mark the session "2FA not performed".</summary>
    AllowWithoutDuo = 2,
}
