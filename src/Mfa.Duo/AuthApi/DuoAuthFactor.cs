namespace Mfa.Duo.AuthApi;

/// <summary>The <c>factor</c> of <c>/auth/v2/auth</c>.</summary>
public enum DuoAuthFactor
{
    /// <summary>Duo picks the best out-of-band method (push or phone); allowed only when both are.</summary>
    Auto = 0,

    /// <summary>Duo Push.</summary>
    Push = 1,

    /// <summary>A phone callback.</summary>
    Phone = 2,

    /// <summary>A passcode.</summary>
    Passcode = 3,
}
