using System.Diagnostics.CodeAnalysis;

namespace Mfa.Push.Device;

/// <summary>A verified challenge, or why the device drops it.</summary>
public sealed class PushDeviceChallengeResult
{
    internal PushDeviceChallengeResult(PushDeviceError error, PushDeviceChallenge? challenge)
    {
        Error = error;
        Challenge = challenge;
    }

    /// <summary>Whether the challenge verified.</summary>
    [MemberNotNullWhen(true, nameof(Challenge))]
    public bool Succeeded => Error == PushDeviceError.None && Challenge is not null;

    /// <summary>Why not; <see cref="PushDeviceError.None"/> on success.</summary>
    public PushDeviceError Error { get; }

    /// <summary>The challenge.</summary>
    public PushDeviceChallenge? Challenge { get; }
}
