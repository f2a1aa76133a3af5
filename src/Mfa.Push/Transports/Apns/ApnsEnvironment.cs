namespace Mfa.Push.Transports.Apns;

/// <summary>The APNs environment; a device token only works in the one it was issued for. Values are stable.</summary>
public enum ApnsEnvironment
{
    /// <summary><c>api.push.apple.com</c>: App Store, TestFlight and ad-hoc builds.</summary>
    Production = 0,

    /// <summary><c>api.sandbox.push.apple.com</c>: builds signed with a development profile.</summary>
    Development = 1,
}
