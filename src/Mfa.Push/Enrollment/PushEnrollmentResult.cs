using System.Diagnostics.CodeAnalysis;
using Mfa.Core;

namespace Mfa.Push.Enrollment;

/// <summary>The outcome of verifying a device's enrollment request (push spec §3.4).</summary>
/// <remarks>
/// On success the caller consumes the enrollment atomically (compare-and-set from pending), records <see cref="Jti"/>
/// until <see cref="ReplayKeepUntil"/>, stores <see cref="Credential"/>, and answers <c>201</c> with <see cref="ResponseJson"/>.
/// On failure it answers 400 with one generic error: <see cref="Error"/> is for logs only.
/// </remarks>
public sealed class PushEnrollmentResult : MfaResult
{
    private PushEnrollmentResult(MfaFailureReason reason, PushProtocolError error)
        : base(reason, null)
    {
        Error = error;
    }

    /// <summary>Whether the request verified.</summary>
    [MemberNotNullWhen(true, nameof(Credential), nameof(ResponseJson), nameof(Jti))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>The protocol error (for logs); <see cref="PushProtocolError.None"/> on success.</summary>
    public PushProtocolError Error { get; }

    /// <summary>The device to bind to the user.</summary>
    public PushDeviceCredential? Credential { get; private init; }

    /// <summary>The body of the <c>201</c> answer to the device (push spec §3.4 step 10).</summary>
    public string? ResponseJson { get; private init; }

    /// <summary>The request's token id, to record in the replay cache.</summary>
    public string? Jti { get; private init; }

    /// <summary>How long to remember <see cref="Jti"/> (the token's <c>exp</c> + the clock skew).</summary>
    public DateTimeOffset ReplayKeepUntil { get; private init; }

    internal static PushEnrollmentResult Failure(PushProtocolError error, MfaFailureReason? reason = null) =>
        new(reason ?? PushFailures.ToReason(error), error);

    internal static PushEnrollmentResult Success(PushDeviceCredential credential, string responseJson, string jti, DateTimeOffset keepUntil) =>
        new(MfaFailureReason.None, PushProtocolError.None) { Credential = credential, ResponseJson = responseJson, Jti = jti, ReplayKeepUntil = keepUntil };
}
