namespace Mfa.Push;

/// <summary>The state of an enrolled push device (push spec §3.4 credential <c>status</c>). Values are stable.</summary>
public enum PushDeviceStatus
{
    /// <summary>Usable: challenges are sent to it and its answers accepted.</summary>
    Active = 0,

    /// <summary>Temporarily unusable (an administrator or a fraud lock).</summary>
    Suspended = 1,

    /// <summary>Revoked for good.</summary>
    Revoked = 2,
}
