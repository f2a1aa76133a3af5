namespace Mfa.Push.Device;

/// <summary>Why the user denied (push spec §5.2 <c>rsn</c>).</summary>
public enum PushDeviceDenyReason
{
    /// <summary>No reason.</summary>
    None = 0,

    /// <summary><c>cancelled</c>.</summary>
    Cancelled = 1,

    /// <summary><c>not_me</c>.</summary>
    NotMe = 2,

    /// <summary><c>other</c>.</summary>
    Other = 3,
}
