namespace Mfa.AspNetCore.Diagnostics;

/// <summary>The web package's event ids (the block 1210–1229 assigned to Mfa.AspNetCore).</summary>
internal static class MfaWebEventIds
{
    /// <summary>An event stream of a challenge ended (outcome, timeout, or the client went away).</summary>
    public const int EventStreamEnded = 1210;

    /// <summary>A sign-in claim from an event stream was unknown, expired, used, or another user's.</summary>
    public const int SignInClaimRefused = 1211;

    /// <summary>A push device request (pull, address update) was refused.</summary>
    public const int DeviceRequestRefused = 1212;

    /// <summary>An MFA route answered 503 because the store failed (the exception, with the driver's error, is attached).</summary>
    public const int StoreFault = 1213;
}
