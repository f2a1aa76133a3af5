namespace Mfa.Push.Factor;

/// <summary>
/// The push package's event ids added with the device calls and the anti-fatigue counters (the block 1400–1419 the
/// team assigned to push; 1400 itself is Core's <c>RequirementChanged</c>, so push starts at 1410). The factor's first
/// events (1500–1504) keep their numbers.
/// </summary>
internal static class PushEventIds
{
    /// <summary>A device request proof's token id was used twice (§4.8): refused.</summary>
    public const int ProofReplayed = 1410;

    /// <summary>A device updated its push address, or rotated its key (§3.5).</summary>
    public const int AddressUpdated = 1411;

    /// <summary>A push address update was refused (bad signature, stale, replayed, unknown device).</summary>
    public const int AddressUpdateRefused = 1412;

    /// <summary>Push is blocked for a user after a fraud report (§7): high severity.</summary>
    public const int FraudBlocked = 1413;

    /// <summary>A device's push address was reported gone by its push service and is marked unusable.</summary>
    public const int DeviceMarkedGone = 1414;
}
