namespace Mfa.Duo.AuthApi;

/// <summary>The <c>result</c> of auth and auth_status (spec §3.4): decide on this only, never on <c>status</c>.</summary>
public enum DuoAuthOutcome
{
    /// <summary>Still waiting for the user (async auth and auth_status): poll again.</summary>
    Waiting = 0,

    /// <summary>The user authenticated.</summary>
    Allow = 1,

    /// <summary>Denied, timed out, locked out, wrong passcode, or an SMS batch sent (<c>status</c> says which).</summary>
    Deny = 2,
}
