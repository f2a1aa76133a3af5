using System.Diagnostics.CodeAnalysis;
using Mfa.Core;

namespace Mfa.Push.Enrollment;

/// <summary>The outcome of verifying a push address update or key rotation (push spec §3.5).</summary>
/// <remarks>On success the caller records <see cref="Jti"/> (refusing a repeat) and stores <see cref="Credential"/>: the new address, marked working.</remarks>
public sealed class PushAddressUpdateResult : MfaResult
{
    private PushAddressUpdateResult(PushProtocolError error)
        : base(PushFailures.ToReason(error), null)
    {
        Error = error;
    }

    /// <summary>Whether the update verified.</summary>
    [MemberNotNullWhen(true, nameof(Credential), nameof(Jti))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>The protocol error; <see cref="PushProtocolError.None"/> on success.</summary>
    public PushProtocolError Error { get; }

    /// <summary>The device with its new address (and new possession key after a rotation).</summary>
    public PushDeviceCredential? Credential { get; private init; }

    /// <summary>Whether the possession key was rotated.</summary>
    public bool KeyRotated { get; private init; }

    /// <summary>The update's token id, for the replay cache.</summary>
    public string? Jti { get; private init; }

    /// <summary>How long to remember <see cref="Jti"/>.</summary>
    public DateTimeOffset ReplayKeepUntil { get; private init; }

    internal static PushAddressUpdateResult Failure(PushProtocolError error) => new(error);

    internal static PushAddressUpdateResult Success(PushDeviceCredential credential, bool rotated, string jti, DateTimeOffset keepUntil) =>
        new(PushProtocolError.None) { Credential = credential, KeyRotated = rotated, Jti = jti, ReplayKeepUntil = keepUntil };
}
