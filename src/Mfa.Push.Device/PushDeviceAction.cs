namespace Mfa.Push.Device;

/// <summary>The user's answer (push spec §5.2 <c>act</c>).</summary>
public enum PushDeviceAction
{
    /// <summary>Approve (needs the number, and the UV key when the challenge requires it).</summary>
    Approve = 0,

    /// <summary>Deny.</summary>
    Deny = 1,

    /// <summary>Report fraud: "this wasn't me".</summary>
    Report = 2,
}
