using Mfa.Push.Keys;

namespace Mfa.Push;

/// <summary>One enrolled push device of one user (push spec §3.4 step 9): what the factor stores as the authenticator.</summary>
public sealed record PushDeviceCredential
{
    /// <summary>The server-chosen credential id (16 random octets, base64url); also the possession key's <c>kid</c>.</summary>
    public required string CredentialId { get; init; }

    /// <summary>The opaque, non-PII user handle the device knows the user by (the tokens' <c>sub</c>).</summary>
    public required string UserHandle { get; init; }

    /// <summary>The possession key (signs deny/report, request proofs and address updates).</summary>
    public required PushPublicKey PossessionKey { get; init; }

    /// <summary>The user-verification key (every use needs the device's biometric/PIN), if the device has one; its <c>kid</c> is <c>credentialId + ".uv"</c>.</summary>
    public PushPublicKey? UvKey { get; init; }

    /// <summary>Where notifications go; <see langword="null"/> for a poll-only device.</summary>
    public PushDeviceAddress? Address { get; init; }

    /// <summary>Whether the push address last worked (false after the push service said it is gone: the device can still pull).</summary>
    public bool AddressValid { get; init; } = true;

    /// <summary>The device's display name (display and audit only).</summary>
    public string DisplayName { get; init; } = string.Empty;

    /// <summary><c>android</c>, <c>ios</c> or <c>web</c> (display and audit only).</summary>
    public string Platform { get; init; } = string.Empty;

    /// <summary>The app version the device reported (display and audit only).</summary>
    public string? AppVersion { get; init; }

    /// <summary>The OS version the device reported (display and audit only).</summary>
    public string? OsVersion { get; init; }

    /// <summary>When the device enrolled.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Whether the device is usable.</summary>
    public PushDeviceStatus Status { get; init; }

    /// <summary>The key id of the UV key.</summary>
    public string UvKeyId => CredentialId + PushKeyIds.UvSuffix;

    /// <summary>Whether challenges can be sent to this device now (active with a working address).</summary>
    public bool CanReceivePush => Status == PushDeviceStatus.Active && Address is not null && AddressValid;
}
