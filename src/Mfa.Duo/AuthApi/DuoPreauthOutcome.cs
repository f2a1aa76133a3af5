namespace Mfa.Duo.AuthApi;

/// <summary>The <c>result</c> of preauth (spec §3.3).</summary>
public enum DuoPreauthOutcome
{
    /// <summary>The user must do 2FA with one of the listed devices.</summary>
    Auth = 0,

    /// <summary>Duo policy lets the user through without 2FA (bypass, remembered device): record that it was a bypass.</summary>
    Allow = 1,

    /// <summary>The user may not log in (locked out, policy). Never fall back to another factor or to the failmode.</summary>
    Deny = 2,

    /// <summary>The user is not enrolled; <see cref="DuoPreauthResponse.EnrollPortalUrl"/> lets them self-enroll.</summary>
    Enroll = 3,
}
