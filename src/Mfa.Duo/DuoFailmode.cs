namespace Mfa.Duo;

/// <summary>What happens when Duo cannot be reached before the user is sent to it (spec §2.10).</summary>
public enum DuoFailmode
{
    /// <summary>Deny the sign-in ("2FA unavailable"). The default, and the recommended setting.</summary>
    Closed = 0,

    /// <summary>Let the user through without Duo, with a loud log event and a result the host can tell apart from a Duo success.</summary>
    Open = 1,
}
