namespace Mfa.WebAuthn;

/// <summary>Whether the credential should be discoverable (client-side resident) (WebAuthn L3 §5.4.6).</summary>
public enum ResidentKeyRequirement
{
    /// <summary><c>discouraged</c>: a server-side credential, which saves the key's limited storage.</summary>
    Discouraged = 0,

    /// <summary><c>preferred</c>: discoverable when the authenticator can.</summary>
    Preferred = 1,

    /// <summary><c>required</c>: discoverable, or the ceremony fails on the client.</summary>
    Required = 2,
}
