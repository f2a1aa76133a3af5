using Mfa.Core;

namespace Mfa.Push.Responses;

/// <summary>The outcome of verifying a device's response token (push spec §6).</summary>
/// <remarks>
/// <see cref="MfaResult.Succeeded"/> only for an approval. A verified deny or fraud report fails with
/// <see cref="MfaFailureReason.Denied"/> / <see cref="MfaFailureReason.FraudReported"/>, and a wrong number with
/// <see cref="MfaFailureReason.NumberMismatch"/>, but all three still carry an <see cref="Answer"/> to record: record it
/// whenever <see cref="Answer"/> is set and <see cref="IsRepeat"/> is false. Answer the device with
/// <see cref="DeviceStatusCode"/> and <see cref="DeviceResponseJson"/>.
/// </remarks>
public sealed class PushResponseResult : MfaResult
{
    private PushResponseResult(MfaFailureReason reason, PushProtocolError error)
        : base(reason, null)
    {
        Error = error;
    }

    /// <summary>The protocol error for the device; <see cref="PushProtocolError.None"/> for an accepted answer (approve, deny, report).</summary>
    public PushProtocolError Error { get; }

    /// <summary>The verified answer to record atomically (approve, deny, report, or a wrong number), or the recorded one for a repeat.</summary>
    public PushAnswer? Answer { get; private init; }

    /// <summary>The state the challenge moves to, if this response changes it (an answer, or <see cref="PushChallengeStatus.Expired"/> for a late one).</summary>
    public PushChallengeStatus? NewStatus { get; private init; }

    /// <summary>Whether this is an identical re-send of the recorded answer (push spec §6 step 9): answer as before, change nothing.</summary>
    public bool IsRepeat { get; private init; }

    /// <summary>Whether to raise a security event: a signature that does not verify, or a fraud report (severity high).</summary>
    public bool IsSecurityEvent { get; private init; }

    /// <summary>The HTTP status for the device.</summary>
    public int DeviceStatusCode => Error.ToHttpStatus();

    /// <summary>The JSON body for the device: <c>{"status":"approved"|"denied"|"reported"}</c> or <c>{"error":"…"}</c>.</summary>
    public string DeviceResponseJson => Error == PushProtocolError.None && Answer is not null
        ? $"{{\"status\":\"{StatusWord(Answer.Status)}\"}}"
        : $"{{\"error\":\"{Error.ToCode()}\"}}";

    internal static PushResponseResult Failure(PushProtocolError error, PushChallengeStatus? newStatus = null) =>
        new(PushFailures.ToReason(error), error) { NewStatus = newStatus, IsSecurityEvent = error == PushProtocolError.InvalidSignature };

    internal static PushResponseResult NumberMismatch(PushAnswer answer) =>
        new(MfaFailureReason.NumberMismatch, PushProtocolError.NumberMismatch) { Answer = answer, NewStatus = answer.Status };

    internal static PushResponseResult Accepted(PushAnswer answer, bool repeat) => new(ReasonOf(answer.Status), PushProtocolError.None)
    {
        Answer = answer,
        NewStatus = repeat ? null : answer.Status,
        IsRepeat = repeat,
        IsSecurityEvent = !repeat && answer.Status == PushChallengeStatus.FraudReported,
    };

    private static MfaFailureReason ReasonOf(PushChallengeStatus status) => status switch
    {
        PushChallengeStatus.Approved => MfaFailureReason.None,
        PushChallengeStatus.Denied => MfaFailureReason.Denied,
        PushChallengeStatus.FraudReported => MfaFailureReason.FraudReported,
        _ => MfaFailureReason.NumberMismatch,
    };

    private static string StatusWord(PushChallengeStatus status) => status switch
    {
        PushChallengeStatus.Approved => "approved",
        PushChallengeStatus.Denied => "denied",
        _ => "reported",
    };
}
