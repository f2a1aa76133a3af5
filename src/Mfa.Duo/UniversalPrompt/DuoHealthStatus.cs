namespace Mfa.Duo.UniversalPrompt;

/// <summary>The health check's verdict (spec §2.3).</summary>
public enum DuoHealthStatus
{
    /// <summary>Duo answered <c>stat: OK</c>.</summary>
    Healthy = 0,

    /// <summary>Duo could not be reached (transport error, timeout, 5xx, 429): the failmode decides.</summary>
    Unreachable = 1,

    /// <summary>Duo answered and refused (wrong credentials, malformed answer): always fails closed, so a mistyped secret never turns 2FA off.</summary>
    Rejected = 2,
}
